package org.metriclifecycle.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration names the service reads, derived from its own sources so that a deployment file cannot set a
 * variable nothing reads (a misspelled METRICS_DB_URL would leave the service on its built-in default database).
 */
final class ServiceConfigNames {

    /**
     * Names that Quarkus extensions read and the files set, which no project source spells out; JAVA_OPTS_APPEND is
     * read by the image's run-java.sh, not by the service.
     */
    private static final List<String> READ_BY_QUARKUS_OR_THE_IMAGE = List.of("quarkus.oidc.auth-server-url",
            "quarkus.oidc.client-id", "quarkus.oidc.token.audience", "quarkus.oidc.credentials.secret",
            "quarkus.http.body.uploads-directory", "java.opts.append");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}$]+)");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern MEMBER = Pattern.compile("^\\s+[\\w<>, ?.]+\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern LITERAL = Pattern.compile("\"((?:metrics|quarkus)\\.[a-z0-9.-]+)\"");

    private final Properties properties = new Properties();
    private final Set<String> names = new HashSet<>();

    ServiceConfigNames(Path module) throws IOException {
        Path file = module.resolve("src/main/resources/application.properties");
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
            names.add(key.replaceFirst("^%[\\w-]+\\.", ""));
            Matcher reference = REFERENCE.matcher(properties.getProperty(key));
            while (reference.find()) {
                names.add(reference.group(1));
            }
        }
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher literal = LITERAL.matcher(text);
                while (literal.find()) {
                    names.add(literal.group(1));
                }
                Matcher mapping = MAPPING.matcher(text);
                if (mapping.find()) {
                    Matcher member = MEMBER.matcher(text);
                    while (member.find()) {
                        names.add(mapping.group(1) + "." + kebab(member.group(1)));
                    }
                }
            }
        }
        names.addAll(READ_BY_QUARKUS_OR_THE_IMAGE);
    }

    /** The property as application.properties sets it, or the fallback Quarkus uses when it does not. */
    String property(String name, String fallback) {
        return properties.getProperty(name, fallback);
    }

    /** Whether some name the service reads has this environment variable form (MicroProfile Config's mapping). */
    boolean readsVariable(String variable) {
        return names.stream().anyMatch(name -> variable(name).equals(variable));
    }

    static String variable(String name) {
        return name.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static String kebab(String member) {
        return member.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
