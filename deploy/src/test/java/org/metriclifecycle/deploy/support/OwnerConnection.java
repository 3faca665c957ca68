package org.metriclifecycle.deploy.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC to the running service's PostgreSQL database as the login it was given (the schema's owner), outside
 * the service's role: what a DBA, or an attacker holding the owner's password, can do.
 */
public final class OwnerConnection {

    private OwnerConnection() {
    }

    public static Connection open() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("metrics.db.url", String.class),
                config.getValue("metrics.db.username", String.class),
                config.getOptionalValue("metrics.db.password", String.class).orElse(""));
    }
}
