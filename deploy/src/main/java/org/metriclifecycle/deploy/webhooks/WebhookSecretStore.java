package org.metriclifecycle.deploy.webhooks;

import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.security.SecretCipher;
import org.metriclifecycle.deploy.security.SecretKeyring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The {@code webhook_secret} table: the only place a signing secret is kept, sealed with the key of
 * {@code metrics.secrets.key-file} ({@link SecretCipher}; the database never holds the key). Runs in the caller's
 * transaction (the one that also stores the subscription's event).
 */
@Singleton
public class WebhookSecretStore {

    private final ActiveDatabase database;
    private final SecretCipher cipher;

    @Inject
    WebhookSecretStore(ActiveDatabase database, SecretKeyring keys) {
        this.database = database;
        this.cipher = keys.cipher();
    }

    /** The secret of a subscription in force, opened; empty once it is unsubscribed. */
    public Optional<String> find(String subscriptionId) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT secret FROM webhook_secret WHERE subscription_id = ?")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(open(subscriptionId, row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook secret not readable: " + e.getMessage(), e);
        }
    }

    /** A stored value as the sender needs it; null stays null (the subscription was removed). */
    String open(String subscriptionId, String stored) {
        return stored == null ? null : cipher.open(subscriptionId, stored);
    }

    /**
     * Seals the rows stored in plain text before secrets were encrypted, and opens every sealed one: run on start,
     * so a wrong key stops the service there rather than leaving every delivery unsigned. Idempotent: a sealed row is
     * left as it is, and a plain one is only replaced while it still holds the plain value.
     *
     * @return how many rows it sealed
     */
    public int sealPlainRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT subscription_id, secret FROM webhook_secret ORDER BY subscription_id");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getString(2));
                }
            }
            int sealed = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE webhook_secret SET secret = ? WHERE subscription_id = ? AND secret = ?")) {
                for (Map.Entry<String, String> entry : rows.entrySet()) {
                    if (SecretCipher.sealed(entry.getValue())) {
                        cipher.open(entry.getKey(), entry.getValue());
                        continue;
                    }
                    update.setString(1, cipher.seal(entry.getKey(), entry.getValue()));
                    update.setString(2, entry.getKey());
                    update.setString(3, entry.getValue());
                    sealed += update.executeUpdate();
                }
            }
            return sealed;
        } catch (SQLException e) {
            throw new IllegalStateException("webhook secrets not sealed: " + e.getMessage(), e);
        }
    }

    void insert(String subscriptionId, String team, String secret, Instant createdAt) {
        update("INSERT INTO webhook_secret (subscription_id, team, secret, created_at) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, subscriptionId);
                    statement.setString(2, team);
                    statement.setString(3, cipher.seal(subscriptionId, secret));
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
