package org.metriclifecycle.deploy.webhooks;

import org.metriclifecycle.deploy.ops.ActiveDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;


/**
 * The {@code webhook_delivery} table in plain JDBC on the active datasource: inside a JTA transaction the connection
 * joins it (the outbox's inserts commit with the processor's token), outside one each statement commits alone (the
 * sender's claims and records, which must not wait for each other).
 * <p>
 * Claims are conditional updates rather than row locks, so they work alike on H2 and PostgreSQL and with any number
 * of replicas: a delivery is taken by moving its {@code next_attempt_at} to the end of a lease, which only one
 * process can do while the row is still due.
 */
@Singleton
public class WebhookDeliveries implements DeliveryQueue, DeliveryLedger {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "delivery_id, subscription_id, team, kind, dedup_key, metric_id, url, body, "
            + "status, attempts, next_attempt_at, created_at";

    private final ActiveDatabase database;
    private final WebhookSecretStore secrets;

    @Inject
    WebhookDeliveries(ActiveDatabase database, WebhookSecretStore secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    @Override
    public boolean enqueue(NewDelivery delivery) {
        // PostgreSQL aborts the whole transaction on a failed statement, so it must not fail; H2 does not, and has no
        // ON CONFLICT outside its PostgreSQL mode, so there a duplicate is the unique key's refusal.
        String sql = "INSERT INTO webhook_delivery (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
                + (database.isPostgreSql() ? " ON CONFLICT (subscription_id, dedup_key) DO NOTHING" : "");
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, delivery.deliveryId());
            statement.setString(2, delivery.subscriptionId());
            statement.setString(3, delivery.team());
            statement.setString(4, delivery.kind());
            statement.setString(5, delivery.dedupKey());
            statement.setString(6, delivery.metricId());
            statement.setString(7, delivery.url());
            statement.setString(8, delivery.body());
            statement.setString(9, DeliveryStatus.PENDING.name());
            statement.setObject(10, timestamp(delivery.createdAt()));
            statement.setObject(11, timestamp(delivery.createdAt()));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && !database.isPostgreSql()) {
                return false;
            }
            throw new IllegalStateException("webhook delivery not enqueued: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ClaimedDelivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<ClaimedDelivery> due = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT d.delivery_id, d.subscription_id, d.kind, d.url, d.body, d.attempts, s.secret "
                            + "FROM webhook_delivery d LEFT JOIN webhook_secret s ON s.subscription_id = d.subscription_id "
                            + "WHERE d.status = ? AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at LIMIT ?")) {
                select.setString(1, DeliveryStatus.PENDING.name());
                select.setObject(2, timestamp(now));
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new ClaimedDelivery(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getInt(6),
                                secrets.open(rows.getString(2), rows.getString(7))));
                    }
                }
            }
            List<ClaimedDelivery> claimed = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement(
                    "UPDATE webhook_delivery SET next_attempt_at = ? WHERE delivery_id = ? AND status = ? "
                            + "AND attempts = ? AND next_attempt_at <= ?")) {
                for (ClaimedDelivery delivery : due) {
                    claim.setObject(1, timestamp(leaseUntil));
                    claim.setString(2, delivery.deliveryId());
                    claim.setString(3, DeliveryStatus.PENDING.name());
                    claim.setInt(4, delivery.attemptsMade());
                    claim.setObject(5, timestamp(now));
                    if (claim.executeUpdate() == 1) {
                        claimed.add(delivery);
                    }
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("due webhook deliveries not readable: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean record(ClaimedDelivery delivery, AttemptResult result, DeliveryStatus status, Instant attemptedAt,
                          Instant nextAttemptAt) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status_code = ?, "
                             + "last_error = ?, next_attempt_at = ?, last_attempt_at = ?, delivered_at = ? "
                             + "WHERE delivery_id = ? AND attempts = ?")) {
            statement.setString(1, status.name());
            if (result.statusCode() == null) {
                statement.setNull(2, Types.INTEGER);
            } else {
                statement.setInt(2, result.statusCode());
            }
            statement.setString(3, result.error());
            setTimestamp(statement, 4, nextAttemptAt);
            setTimestamp(statement, 5, attemptedAt);
            setTimestamp(statement, 6, status == DeliveryStatus.DELIVERED ? attemptedAt : null);
            statement.setString(7, delivery.deliveryId());
            statement.setInt(8, delivery.attemptsMade());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("webhook attempt not recorded: " + e.getMessage(), e);
        }
    }

    /** The subscription's deliveries in {@code team}, newest first. */
    public DeliveryLog log(String team, String subscriptionId, int page, int size) {
        try (Connection connection = database.dataSource().getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM webhook_delivery WHERE team = ? AND subscription_id = ?")) {
                count.setString(1, team);
                count.setString(2, subscriptionId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<DeliveryLogEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT delivery_id, kind, metric_id, status, attempts, last_status_code, last_error, "
                            + "next_attempt_at, created_at, last_attempt_at, delivered_at FROM webhook_delivery "
                            + "WHERE team = ? AND subscription_id = ? ORDER BY created_at DESC, delivery_id DESC "
                            + "LIMIT ? OFFSET ?")) {
                select.setString(1, team);
                select.setString(2, subscriptionId);
                select.setInt(3, size);
                select.setLong(4, (long) page * size);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                }
            }
            return new DeliveryLog(subscriptionId, entries, total);
        } catch (SQLException e) {
            throw new IllegalStateException("webhook delivery log not readable: " + e.getMessage(), e);
        }
    }

    /** Forgets finished deliveries created before {@code cutoff}. */
    int purgeFinishedBefore(Instant cutoff) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "DELETE FROM webhook_delivery WHERE status <> ? AND created_at < ?")) {
            statement.setString(1, DeliveryStatus.PENDING.name());
            statement.setObject(2, timestamp(cutoff));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("webhook delivery log not purged: " + e.getMessage(), e);
        }
    }

    /** Deliveries waiting to be sent, for the operator's gauge. */
    public long pending() {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM webhook_delivery WHERE status = ?")) {
            statement.setString(1, DeliveryStatus.PENDING.name());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook deliveries not countable: " + e.getMessage(), e);
        }
    }

    private static DeliveryLogEntry entry(ResultSet rows) throws SQLException {
        int statusCode = rows.getInt(6);
        Integer lastStatusCode = rows.wasNull() ? null : statusCode;
        return new DeliveryLogEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                DeliveryStatus.valueOf(rows.getString(4)), rows.getInt(5), lastStatusCode, rows.getString(7),
                instant(rows, 8), instant(rows, 9), instant(rows, 10), instant(rows, 11));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, timestamp(instant));
        }
    }
}
