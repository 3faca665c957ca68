package org.metriclifecycle.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the bench runs against (default 127.0.0.1:5432, user postgres, trust authentication;
 * override with -Dbench.pg.url=jdbc:postgresql://host:port/ -Dbench.pg.user= -Dbench.pg.password=). Every database
 * the bench creates is its own, and is dropped at the end even when a step fails.
 */
final class PostgresServer implements AutoCloseable {

    private final String server;
    private final String user;
    private final String password;
    private final String runId = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    PostgresServer() {
        this(System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/"),
                System.getProperty("bench.pg.user", "postgres"), System.getProperty("bench.pg.password", ""));
    }

    /** @param server a JDBC URL ending in "/", to which a database name is appended */
    PostgresServer(String server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
        // Interrupted with Ctrl-C, the bench still drops what it created.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "drop-bench-databases"));
    }

    /** Fails with what to do when the server cannot be reached, before any work starts. */
    String version() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new BenchFailure("PostgreSQL is not reachable at " + server + " as " + user + " (" + e.getMessage()
                    + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(pg_lsclusters -h | cut -d' ' -f1) "
                    + "main start, or name another server with -Dbench.pg.url=jdbc:postgresql://host:port/");
        }
    }

    String setting(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** A new, empty database, named after this run and its purpose. */
    Database create(String purpose) {
        return createFrom(purpose, null);
    }

    /**
     * A copy of {@code template} (schema and rows), e.g. to give a raw baseline the service's exact tables without
     * the service's processors reading them. Nobody may be connected to the template meanwhile.
     */
    Database copyOf(Database template, String purpose) {
        return createFrom(purpose, template.name());
    }

    private Database createFrom(String purpose, String template) {
        String name = "bench_" + runId + "_" + purpose;
        execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        created.add(name);
        return new Database(name, server + name, user, password);
    }

    void drop(Database database) {
        execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
        created.remove(database.name());
    }

    @Override
    public void close() {
        for (String name : List.copyOf(created)) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("bench: could not drop database " + name + ": " + e.getMessage());
            }
        }
        created.clear();
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server + database, user, password);
    }

    private void execute(String sql) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new BenchFailure("PostgreSQL refused \"" + sql + "\": " + e.getMessage());
        }
    }
}
