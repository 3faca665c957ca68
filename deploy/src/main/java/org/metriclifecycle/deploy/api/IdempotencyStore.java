package org.metriclifecycle.deploy.api;

import org.metriclifecycle.deploy.ops.ActiveDatabase;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * The first answers to writes that carried an {@code Idempotency-Key}, one row per (caller, key), written in the
 * caller's JTA transaction (the one that also appends the command's events). Keys older than
 * {@code metrics.api.idempotency-retention} count as unused and are purged now and then. A stateless session, so each
 * statement runs when called, as plain JDBC would (docs/design.md "The stores on the write path").
 */
@Singleton
public class IdempotencyStore {

    /** What a write answered the first time: enough to answer a retry the same way. */
    public record StoredAnswer(String fingerprint, int status, String location, String body) {
    }

    /** Another request holds or held the key (unique violation, or a lock wait that gave up). */
    public static class KeyTaken extends RuntimeException {
        KeyTaken(Throwable cause) {
            super(cause);
        }
    }

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final SessionFactory sessions;
    private final Clock clock;
    private final Duration retention;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    @Inject
    IdempotencyStore(ActiveDatabase database, Clock clock, ApiConfig config) {
        this.sessions = database.sessionFactory();
        this.clock = clock;
        this.retention = config.idempotencyRetention();
    }

    /** The answer stored under the key, unless the key is unused or expired. */
    public Optional<StoredAnswer> find(String caller, String key) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return session.createSelectionQuery("FROM IdempotencyKeyEntity k WHERE k.caller = :caller"
                            + " AND k.idempotencyKey = :key AND k.createdAt >= :cutoff", IdempotencyKeyEntity.class)
                    .setParameter("caller", caller)
                    .setParameter("key", key)
                    .setParameter("cutoff", clock.instant().minus(retention))
                    .getResultStream().findFirst().map(IdempotencyKeyEntity::answer);
        }
    }

    /**
     * Stores the answer under the key, in the active transaction. A concurrent request with the same key waits here
     * until the first one's transaction ends, then fails with {@link KeyTaken} if that one committed.
     */
    public void store(String caller, String key, StoredAnswer answer) {
        Instant now = clock.instant();
        try (StatelessSession session = sessions.openStatelessSession()) {
            session.createMutationQuery("DELETE FROM IdempotencyKeyEntity k WHERE k.caller = :caller"
                            + " AND k.idempotencyKey = :key AND k.createdAt < :cutoff")
                    .setParameter("caller", caller)
                    .setParameter("key", key)
                    .setParameter("cutoff", now.minus(retention))
                    .executeUpdate();
            try {
                session.insert(new IdempotencyKeyEntity(caller, key, answer, now));
            } catch (RuntimeException e) {
                if (isKeyTaken(e)) {
                    throw new KeyTaken(e);
                }
                throw e;
            }
            purgeNowAndThen(session, now);
        }
    }

    private void purgeNowAndThen(StatelessSession session, Instant now) {
        Instant last = lastPurge.get();
        if (last.plus(PURGE_EVERY).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        session.createMutationQuery("DELETE FROM IdempotencyKeyEntity k WHERE k.createdAt < :cutoff")
                .setParameter("cutoff", now.minus(retention))
                .executeUpdate();
    }

    /** 23505 unique violation (PostgreSQL, H2); H2's lock timeout (HYT00) while another holds the same key. */
    private static boolean isKeyTaken(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || "HYT00".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
