package org.metriclifecycle.deploy.ops;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Turns the one user-facing switch {@code metrics.db} into Quarkus's per-datasource activation flags.
 * A datasource's kind is fixed at build time, so the jar carries both a named H2 and a named PostgreSQL
 * datasource (each with its persistence unit) and activates exactly one at run time.
 * The embedded H2 default is a demo set-up, so it listens on loopback only and signs people in from a users file.
 */
public final class DatabaseSelection implements ConfigSourceFactory {

    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";
    public static final String PROPERTY = "metrics.db";
    public static final String DATA_DIR = "metrics.data-dir";
    public static final String AUTH_MODE = "metrics.auth.mode";
    /** The sign-in in force: {@value #AUTH_MODE} if set, else derived from the database (never set it yourself). */
    public static final String RESOLVED_AUTH_MODE = "metrics.auth.resolved-mode";

    /** Below application.properties (250), env (300) and system properties (400): any explicit setting wins. */
    private static final int ORDINAL = 210;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue(PROPERTY);
        String selected = selected(value == null ? null : value.getValue());
        Map<String, String> derived = new HashMap<>();
        for (String name : List.of(H2, POSTGRESQL)) {
            String active = Boolean.toString(name.equals(selected));
            derived.put("quarkus.datasource." + name + ".active", active);
            derived.put("quarkus.hibernate-orm." + name + ".active", active);
        }
        // Always written, both ways: Quarkus records what a factory derives at build time (the H2 default) as a
        // runtime default, so a value written only for H2 would stick to a PostgreSQL deployment too.
        derived.put("quarkus.http.host", H2.equals(selected) ? "127.0.0.1" : "0.0.0.0");
        // Sign-in follows the database unless set: the embedded demo uses its users file, production OIDC tokens.
        ConfigValue auth = context.getValue(AUTH_MODE);
        String mode = auth == null || auth.getValue() == null || auth.getValue().isBlank()
                ? (H2.equals(selected) ? "basic" : "oidc") : auth.getValue().strip();
        derived.put(RESOLVED_AUTH_MODE, mode);
        derived.put("quarkus.oidc.tenant-enabled", Boolean.toString("oidc".equals(mode)));
        // H2 refuses paths that are implicitly relative to the working directory, so resolve the data dir here.
        ConfigValue dataDir = context.getValue(DATA_DIR);
        Path directory = Path.of(dataDir == null || dataDir.getValue() == null ? "data" : dataDir.getValue());
        derived.put("quarkus.datasource.h2.jdbc.url", "jdbc:h2:file:" + directory.toAbsolutePath().normalize()
                .resolve("metrics") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        return List.of(new PropertiesConfigSource(derived, "metrics-db-selection", ORDINAL));
    }

    static String selected(String value) {
        String raw = value == null || value.isBlank() ? H2 : value.trim().toLowerCase(Locale.ROOT);
        if (!raw.equals(H2) && !raw.equals(POSTGRESQL)) {
            throw new IllegalArgumentException(PROPERTY + " must be 'h2' or 'postgresql', not '" + raw + "'");
        }
        return raw;
    }
}
