package org.metriclifecycle.deploy.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL database of a test run's own: a Testcontainers container where a Docker engine runs, otherwise a
 * fresh database on the machine's server at 127.0.0.1:5432 (user postgres, trust auth), dropped afterwards.
 * Override the local server with -Dmetrics.test.pg.url / .user / .password.
 */
public final class FreshPostgres implements AutoCloseable {

    private static final String SERVER = System.getProperty("metrics.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("metrics.test.pg.user", "postgres");
    private static final String PASSWORD = System.getProperty("metrics.test.pg.password", "");

    private final PostgreSQLContainer container;
    private final String database;
    private final String url;
    private final String user;
    private final String password;
    private final Map<String, String> keys = ServiceKeys.provision();

    private FreshPostgres(PostgreSQLContainer container, String database, String url, String user, String password) {
        this.container = container;
        this.database = database;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static FreshPostgres create() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new FreshPostgres(container, null, container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
        }
        String database = "metrics_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + database);
        return new FreshPostgres(null, database, SERVER + database, USER, PASSWORD);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * The settings that point the service at this database, as SPEC names them. An empty password (trust
     * authentication) is left unset, as an operator would: Quarkus reads an empty value as no value, and the
     * separate Flyway connection then needs the stand-in that application.properties gives it.
     */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new HashMap<>(Map.of(
                "metrics.db", "postgresql",
                "metrics.db.url", url,
                "metrics.db.username", user,
                // The packaged service's tests wait for deadlines: look for due ones every second, not every 5 s.
                "metrics.deadlines.poll-interval", "PT1S"));
        if (!password.isEmpty()) {
            config.put("metrics.db.password", password);
        }
        // Made beforehand, as an operator must on PostgreSQL; shared by every instance on this database.
        config.putAll(keys);
        return config;
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        } else {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for the tests (no Docker engine "
                    + "found): start it with pg_ctlcluster, see the README's test command", e);
        }
    }
}
