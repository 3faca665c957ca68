package org.metriclifecycle.deploy.api;

import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.query.jdbc.Sql;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The first answers to writes that carried an {@code Idempotency-Key}, one row per (caller, key), written in the
 * caller's JTA transaction (the one that also appends the command's events). Keys older than
 * {@code metrics.api.idempotency-retention} count as unused and are purged now and then. Plain JDBC, not Hibernate:
 * it is on the write path of every keyed command (docs/design.md "The stores on the write path").
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

    private final Sql sql;
    private final Clock clock;
    private final Duration retention;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    @Inject
    IdempotencyStore(ActiveDatabase database, Clock clock, ApiConfig config) {
        this.sql = database.sql();
        this.clock = clock;
        this.retention = config.idempotencyRetention();
    }

    /** The answer stored under the key, unless the key is unused or expired. */
    public Optional<StoredAnswer> find(String caller, String key) {
        return sql.first("could not read idempotency key",
                row -> new StoredAnswer(row.getString(1).trim(), row.getInt(2), row.getString(3), row.getString(4)),
                "SELECT fingerprint, status, location, body FROM idempotency_key"
                        + " WHERE caller = ? AND idempotency_key = ? AND created_at >= ?",
                caller, key, clock.instant().minus(retention));
    }

    /**
     * Stores the answer under the key, in the active transaction. A concurrent request with the same key waits here
     * until the first one's transaction ends, then fails with {@link KeyTaken} if that one committed.
     */
    public void store(String caller, String key, StoredAnswer answer) {
        Instant now = clock.instant();
        sql.update("could not store idempotency key",
                "DELETE FROM idempotency_key WHERE caller = ? AND idempotency_key = ? AND created_at < ?",
                caller, key, now.minus(retention));
        try {
            sql.update("could not store idempotency key",
                    "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at, status, location,"
                            + " body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    caller, key, answer.fingerprint(), now, answer.status(), answer.location(), answer.body());
        } catch (Sql.Failure e) {
            if (isKeyTaken(e)) {
                throw new KeyTaken(e.getCause());
            }
            throw e;
        }
        purgeNowAndThen(now);
    }

    private void purgeNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        if (last.plus(PURGE_EVERY).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        sql.update("could not purge idempotency keys", "DELETE FROM idempotency_key WHERE created_at < ?",
                now.minus(retention));
    }

    /** 23505 unique violation (PostgreSQL, H2); H2's lock timeout (HYT00) while another holds the same key. */
    private static boolean isKeyTaken(Sql.Failure e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || "HYT00".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
