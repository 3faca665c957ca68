package org.metriclifecycle.deploy.web;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.metriclifecycle.deploy.ops.ActiveDatabase;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Carries the live page's changes between the instances that share one PostgreSQL database, by LISTEN/NOTIFY
 * ({@link LiveNotifications}); on the embedded database, or with {@code metrics.live.listen-notify=false}, each
 * instance's pages hear only its own writes.
 */
@Singleton
class LiveRelay {

    private final LiveNotifications notifications;

    @Inject
    LiveRelay(ActiveDatabase database, LiveConfig config, LiveUpdates live) {
        this.notifications = database.isPostgreSql() && config.listenNotify()
                ? new LiveNotifications(database.dataSource(), listenerConnections(),
                        ManagementFactory.getRuntimeMXBean().getName(), live::publish)
                : null;
        if (notifications != null) {
            live.relayTo(notifications::relay);
        }
    }

    void start(@Observes StartupEvent started) {
        if (notifications != null) {
            notifications.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (notifications != null) {
            notifications.close();
        }
    }

    /**
     * Opens the listener's own connection with the datasource's settings, outside the pool: a LISTEN session lives as
     * long as the instance.
     */
    private static Supplier<Connection> listenerConnections() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.postgresql.jdbc.url", String.class);
        Properties login = new Properties();
        login.setProperty("user", config.getOptionalValue("quarkus.datasource.postgresql.username", String.class)
                .orElse("postgres"));
        config.getOptionalValue("quarkus.datasource.postgresql.password", String.class)
                .ifPresent(password -> login.setProperty("password", password));
        login.setProperty("ApplicationName", LiveNotifications.APPLICATION_NAME);
        login.setProperty("tcpKeepAlive", "true");
        return () -> {
            try {
                // The driver itself, not DriverManager: no dependence on driver registration under Quarkus's class
                // loaders.
                Connection connection = new org.postgresql.Driver().connect(url, login);
                if (connection == null) {
                    throw new IllegalStateException("not a PostgreSQL URL: " + url);
                }
                return connection;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }
}
