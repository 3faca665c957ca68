package org.metriclifecycle.deploy.webhooks;

import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.query.jdbc.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The {@code webhook_delivery} table in plain JDBC on the active datasource (its inserts are on the write path of
 * every command a subscription hears: docs/design.md "The stores on the write path"): inside a JTA transaction the
 * connection joins it (the outbox's inserts commit with the command), outside one each statement commits alone (the
 * sender's claims and records, which must not wait for each other).
 * <p>
 * Claims are conditional updates rather than row locks, so they work alike on H2 and PostgreSQL and with any number
 * of replicas: a delivery is taken by moving its {@code next_attempt_at} to the end of a lease, which only one
 * process can do while the row is still due.
 */
@Singleton
public class WebhookDeliveries implements DeliveryQueue, DeliveryLedger {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PENDING = DeliveryStatus.PENDING.name();
    private static final String COLUMNS = "delivery_id, subscription_id, team, kind, dedup_key, metric_id, url, body, "
            + "status, attempts, next_attempt_at, created_at";

    private final Sql sql;
    private final boolean postgreSql;
    private final WebhookSecretStore secrets;

    @Inject
    WebhookDeliveries(ActiveDatabase database, WebhookSecretStore secrets) {
        this.sql = database.sql();
        this.postgreSql = database.isPostgreSql();
        this.secrets = secrets;
    }

    @Override
    public boolean enqueue(NewDelivery delivery) {
        // PostgreSQL aborts the whole transaction on a failed statement, so it must not fail; H2 does not, and has no
        // ON CONFLICT outside its PostgreSQL mode, so there a duplicate is the unique key's refusal.
        String insert = "INSERT INTO webhook_delivery (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
                + (postgreSql ? " ON CONFLICT (subscription_id, dedup_key) DO NOTHING" : "");
        try {
            return sql.update("webhook delivery not enqueued", insert, delivery.deliveryId(),
                    delivery.subscriptionId(), delivery.team(), delivery.kind(), delivery.dedupKey(),
                    delivery.metricId(), delivery.url(), delivery.body(), PENDING, delivery.createdAt(),
                    delivery.createdAt()) == 1;
        } catch (Sql.Failure e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState()) && !postgreSql) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<ClaimedDelivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<ClaimedDelivery> due = sql.list("due webhook deliveries not readable",
                rows -> new ClaimedDelivery(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getInt(6),
                        secrets.open(rows.getString(2), rows.getString(7))),
                "SELECT d.delivery_id, d.subscription_id, d.kind, d.url, d.body, d.attempts, s.secret "
                        + "FROM webhook_delivery d LEFT JOIN webhook_secret s ON s.subscription_id = d.subscription_id "
                        + "WHERE d.status = ? AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at LIMIT ?",
                PENDING, now, limit);
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (ClaimedDelivery delivery : due) {
            if (sql.update("due webhook deliveries not claimed", "UPDATE webhook_delivery SET next_attempt_at = ?"
                            + " WHERE delivery_id = ? AND status = ? AND attempts = ? AND next_attempt_at <= ?",
                    leaseUntil, delivery.deliveryId(), PENDING, delivery.attemptsMade(), now) == 1) {
                claimed.add(delivery);
            }
        }
        return claimed;
    }

    @Override
    public boolean record(ClaimedDelivery delivery, AttemptResult result, DeliveryStatus status, Instant attemptedAt,
                          Instant nextAttemptAt) {
        return sql.update("webhook attempt not recorded",
                "UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status_code = ?, "
                        + "last_error = ?, next_attempt_at = ?, last_attempt_at = ?, delivered_at = ? "
                        + "WHERE delivery_id = ? AND attempts = ?",
                status.name(), Sql.typed(result.statusCode(), Types.INTEGER), result.error(),
                Sql.typed(nextAttemptAt, Types.TIMESTAMP_WITH_TIMEZONE),
                Sql.typed(attemptedAt, Types.TIMESTAMP_WITH_TIMEZONE),
                Sql.typed(status == DeliveryStatus.DELIVERED ? attemptedAt : null, Types.TIMESTAMP_WITH_TIMEZONE),
                delivery.deliveryId(), delivery.attemptsMade()) == 1;
    }

    /** The subscription's deliveries in {@code team}, newest first. */
    public DeliveryLog log(String team, String subscriptionId, int page, int size) {
        long total = sql.first("webhook delivery log not readable", rows -> rows.getLong(1),
                "SELECT count(*) FROM webhook_delivery WHERE team = ? AND subscription_id = ?",
                team, subscriptionId).orElseThrow();
        List<DeliveryLogEntry> entries = sql.list("webhook delivery log not readable", WebhookDeliveries::entry,
                "SELECT delivery_id, kind, metric_id, status, attempts, last_status_code, last_error, "
                        + "next_attempt_at, created_at, last_attempt_at, delivered_at FROM webhook_delivery "
                        + "WHERE team = ? AND subscription_id = ? ORDER BY created_at DESC, delivery_id DESC "
                        + "LIMIT ? OFFSET ?",
                team, subscriptionId, size, (long) page * size);
        return new DeliveryLog(subscriptionId, entries, total);
    }

    /** Forgets finished deliveries created before {@code cutoff}. */
    int purgeFinishedBefore(Instant cutoff) {
        return sql.update("webhook delivery log not purged",
                "DELETE FROM webhook_delivery WHERE status <> ? AND created_at < ?", PENDING, cutoff);
    }

    /** Deliveries waiting to be sent, for the operator's gauge. */
    public long pending() {
        return sql.first("webhook deliveries not countable", rows -> rows.getLong(1),
                "SELECT count(*) FROM webhook_delivery WHERE status = ?", PENDING).orElseThrow();
    }

    private static DeliveryLogEntry entry(ResultSet rows) throws SQLException {
        return new DeliveryLogEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                DeliveryStatus.valueOf(rows.getString(4)), rows.getInt(5), Sql.integer(rows, 6), rows.getString(7),
                Sql.instant(rows, 8), Sql.instant(rows, 9), Sql.instant(rows, 10), Sql.instant(rows, 11));
    }
}
