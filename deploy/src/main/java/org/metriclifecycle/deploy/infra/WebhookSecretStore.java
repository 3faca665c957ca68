package org.metriclifecycle.deploy.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The {@code webhook_secret} table: the only place a signing secret is kept. Runs in the caller's transaction
 * (the one that also stores the subscription's event).
 */
@Singleton
public class WebhookSecretStore {

    private final ActiveDatabase database;

    @Inject
    WebhookSecretStore(ActiveDatabase database) {
        this.database = database;
    }

    void insert(String subscriptionId, String team, String secret, Instant createdAt) {
        update("INSERT INTO webhook_secret (subscription_id, team, secret, created_at) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, subscriptionId);
                    statement.setString(2, team);
                    statement.setString(3, secret);
                    statement.setObject(4, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
                });
    }

    void delete(String subscriptionId) {
        update("DELETE FROM webhook_secret WHERE subscription_id = ?", statement -> statement.setString(1, subscriptionId));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("webhook secret not stored: " + e.getMessage(), e);
        }
    }
}
