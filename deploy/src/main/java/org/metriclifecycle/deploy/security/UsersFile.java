package org.metriclifecycle.deploy.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The embedded default's users: one line per person, {@code name = password | roles | teams}, where password is
 * {@code sha256:<hex>} or plain text (demo only), roles and teams comma-separated. Example:
 * {@code lena = sha256:3f5d... | lead | search}.
 */
final class UsersFile {

    record Entry(String name, String password, Set<String> roles, Set<String> teams) {

        boolean matches(char[] offered) {
            byte[] given = new String(offered).getBytes(StandardCharsets.UTF_8);
            byte[] expected;
            if (password.startsWith("sha256:")) {
                given = sha256(given);
                expected = HexFormat.of().parseHex(password.substring("sha256:".length()));
            } else {
                expected = password.getBytes(StandardCharsets.UTF_8);
            }
            return MessageDigest.isEqual(given, expected);
        }
    }

    static final String DEMO_RESOURCE = "demo-users.properties";

    private final Map<String, Entry> entries;

    private UsersFile(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static UsersFile load(Optional<String> path) {
        try {
            if (path.isPresent()) {
                try (Reader reader = Files.newBufferedReader(Path.of(path.get()), StandardCharsets.UTF_8)) {
                    return parse(reader);
                }
            }
            try (InputStream demo = UsersFile.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
                return parse(new InputStreamReader(demo, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the users file " + path.orElse(DEMO_RESOURCE), e);
        }
    }

    static UsersFile parse(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, Entry> entries = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            List<String> parts = Arrays.stream(properties.getProperty(name).split("\\|", -1)).map(String::strip).toList();
            if (parts.size() != 3 || parts.get(0).isEmpty()) {
                throw new IllegalStateException("users file line for '" + name + "' must read: password | roles | teams");
            }
            entries.put(name, new Entry(name, parts.get(0), split(parts.get(1)), split(parts.get(2))));
        }
        return new UsersFile(Map.copyOf(entries));
    }

    Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
