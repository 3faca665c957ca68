package org.metriclifecycle.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** One database the bench created; connections to it act as the server login (the schema's owner). */
record Database(String name, String url, String user, String password) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A connection to the same server's {@code postgres} database (to read statistics without adding to them). */
    Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(url.substring(0, url.length() - name.length()) + "postgres", user, password);
    }

    /** The settings that point the service at this database, as docs/configuration.md names them. */
    Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("metrics.db", "postgresql");
        config.put("metrics.db.url", url);
        config.put("metrics.db.username", user);
        // Under trust authentication an empty password is left unset (docs/audit.md "Tamper-evident audit").
        if (!password.isEmpty()) {
            config.put("metrics.db.password", password);
        }
        return config;
    }

    long count(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new BenchFailure("query failed on " + name + ": " + sql + ": " + e.getMessage());
        }
    }

    void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new BenchFailure("statement failed on " + name + ": " + sql + ": " + e.getMessage());
        }
    }
}
