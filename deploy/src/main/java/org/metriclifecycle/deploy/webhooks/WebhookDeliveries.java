package org.metriclifecycle.deploy.webhooks;

import org.metriclifecycle.deploy.ops.ActiveDatabase;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The {@code webhook_delivery} table, through stateless sessions (each statement runs when called; docs/design.md
 * "The stores on the write path"): inside a JTA transaction they join it (the outbox's inserts commit with the
 * command), outside one each change commits alone (the sender's claims and records, which must not wait for each
 * other).
 * <p>
 * Claims are conditional updates rather than row locks, so they work alike on H2 and PostgreSQL and with any number
 * of replicas: a delivery is taken by moving its {@code next_attempt_at} to the end of a lease, which only one
 * process can do while the row is still due.
 */
@Singleton
public class WebhookDeliveries implements DeliveryQueue, DeliveryLedger {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PENDING = DeliveryStatus.PENDING.name();

    // PostgreSQL aborts the whole transaction on a failed statement, so a duplicate must not fail there: hence SQL,
    // as Hibernate has no insert-or-nothing (its upsert would overwrite a delivery already sent). H2 does not
    // abort, and has no ON CONFLICT outside its PostgreSQL mode, so there a duplicate is the unique key's refusal.
    private static final String INSERT_OR_NOTHING = "INSERT INTO webhook_delivery (delivery_id, subscription_id, team,"
            + " kind, dedup_key, metric_id, url, body, status, attempts, next_attempt_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (subscription_id, dedup_key) DO NOTHING";

    private final SessionFactory sessions;
    private final boolean postgreSql;
    private final WebhookSecretStore secrets;

    @Inject
    WebhookDeliveries(ActiveDatabase database, WebhookSecretStore secrets) {
        this.sessions = database.sessionFactory();
        this.postgreSql = database.isPostgreSql();
        this.secrets = secrets;
    }

    @Override
    public boolean enqueue(NewDelivery delivery) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (StatelessSession session = sessions.openStatelessSession()) {
                return postgreSql ? insertOrNothing(session, delivery) : insertUnlessTaken(session, delivery);
            }
        });
    }

    private boolean insertOrNothing(StatelessSession session, NewDelivery delivery) {
        return session.createNativeMutationQuery(INSERT_OR_NOTHING)
                .setParameter(1, delivery.deliveryId())
                .setParameter(2, delivery.subscriptionId())
                .setParameter(3, delivery.team())
                .setParameter(4, delivery.kind())
                .setParameter(5, delivery.dedupKey())
                .setParameter(6, delivery.metricId(), String.class)
                .setParameter(7, delivery.url())
                .setParameter(8, delivery.body())
                .setParameter(9, PENDING)
                .setParameter(10, delivery.createdAt(), Instant.class)
                .setParameter(11, delivery.createdAt(), Instant.class)
                .executeUpdate() == 1;
    }

    /** A stateless insert that fails leaves the transaction usable (an EntityManager's would doom it). */
    private static boolean insertUnlessTaken(StatelessSession session, NewDelivery delivery) {
        try {
            session.insert(new WebhookDeliveryEntity(delivery));
            return true;
        } catch (RuntimeException e) {
            if (UNIQUE_VIOLATION.equals(sqlState(e))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<ClaimedDelivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<Object[]> due = read(session -> session.createSelectionQuery("SELECT d, s.secret"
                        + " FROM WebhookDeliveryEntity d LEFT JOIN WebhookSecretEntity s"
                        + " ON s.subscriptionId = d.subscriptionId"
                        + " WHERE d.status = :pending AND d.nextAttemptAt <= :now ORDER BY d.nextAttemptAt",
                        Object[].class)
                .setParameter("pending", PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList());
        List<ClaimedDelivery> opened = due.stream().map(row -> {
            WebhookDeliveryEntity delivery = (WebhookDeliveryEntity) row[0];
            return delivery.claimed(secrets.open(delivery.subscriptionId(), (String) row[1]));
        }).toList();
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (ClaimedDelivery delivery : opened) {
            int taken = change(session -> session.createMutationQuery("UPDATE WebhookDeliveryEntity d"
                            + " SET d.nextAttemptAt = :leaseUntil WHERE d.deliveryId = :id AND d.status = :pending"
                            + " AND d.attempts = :attempts AND d.nextAttemptAt <= :now")
                    .setParameter("leaseUntil", leaseUntil)
                    .setParameter("id", delivery.deliveryId())
                    .setParameter("pending", PENDING)
                    .setParameter("attempts", delivery.attemptsMade())
                    .setParameter("now", now)
                    .executeUpdate());
            if (taken == 1) {
                claimed.add(delivery);
            }
        }
        return claimed;
    }

    @Override
    public boolean record(ClaimedDelivery delivery, AttemptResult result, DeliveryStatus status, Instant attemptedAt,
                          Instant nextAttemptAt) {
        return change(session -> session.createMutationQuery("UPDATE WebhookDeliveryEntity d SET d.status = :status,"
                        + " d.attempts = d.attempts + 1, d.lastStatusCode = :code, d.lastError = :error,"
                        + " d.nextAttemptAt = :next, d.lastAttemptAt = :attemptedAt, d.deliveredAt = :deliveredAt"
                        + " WHERE d.deliveryId = :id AND d.attempts = :attempts")
                .setParameter("status", status.name())
                .setParameter("code", result.statusCode(), Integer.class)
                .setParameter("error", result.error(), String.class)
                .setParameter("next", nextAttemptAt, Instant.class)
                .setParameter("attemptedAt", attemptedAt, Instant.class)
                .setParameter("deliveredAt", status == DeliveryStatus.DELIVERED ? attemptedAt : null, Instant.class)
                .setParameter("id", delivery.deliveryId())
                .setParameter("attempts", delivery.attemptsMade())
                .executeUpdate()) == 1;
    }

    /** The subscription's deliveries in {@code team}, newest first. */
    public DeliveryLog log(String team, String subscriptionId, int page, int size) {
        return read(session -> {
            long total = session.createSelectionQuery("SELECT count(d) FROM WebhookDeliveryEntity d"
                            + " WHERE d.team = :team AND d.subscriptionId = :subscription", Long.class)
                    .setParameter("team", team)
                    .setParameter("subscription", subscriptionId)
                    .getSingleResult();
            List<DeliveryLogEntry> entries = session.createSelectionQuery("FROM WebhookDeliveryEntity d"
                            + " WHERE d.team = :team AND d.subscriptionId = :subscription"
                            + " ORDER BY d.createdAt DESC, d.deliveryId DESC", WebhookDeliveryEntity.class)
                    .setParameter("team", team)
                    .setParameter("subscription", subscriptionId)
                    .setFirstResult(page * size)
                    .setMaxResults(size)
                    .getResultStream().map(WebhookDeliveryEntity::logEntry).toList();
            return new DeliveryLog(subscriptionId, entries, total);
        });
    }

    /** Forgets finished deliveries created before {@code cutoff}. */
    int purgeFinishedBefore(Instant cutoff) {
        return change(session -> session.createMutationQuery("DELETE FROM WebhookDeliveryEntity d"
                        + " WHERE d.status <> :pending AND d.createdAt < :cutoff")
                .setParameter("pending", PENDING)
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    /** Deliveries waiting to be sent, for the operator's gauge. */
    public long pending() {
        return read(session -> session.createSelectionQuery("SELECT count(d) FROM WebhookDeliveryEntity d"
                        + " WHERE d.status = :pending", Long.class)
                .setParameter("pending", PENDING)
                .getSingleResult());
    }

    private <T> T read(Function<StatelessSession, T> query) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return query.apply(session);
        }
    }

    /** Hibernate runs an update only in a transaction: the caller's, or one of its own so it commits alone. */
    private int change(Function<StatelessSession, Integer> update) {
        return QuarkusTransaction.joiningExisting().call(() -> read(update));
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
