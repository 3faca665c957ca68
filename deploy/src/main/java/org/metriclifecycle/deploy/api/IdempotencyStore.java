package org.metriclifecycle.deploy.api;

import org.metriclifecycle.deploy.ops.ActiveDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * {@code metrics.api.idempotency-retention} count as unused and are purged now and then.
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

    private final ActiveDatabase database;
    private final Clock clock;
    private final Duration retention;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    @Inject
    IdempotencyStore(ActiveDatabase database, Clock clock, ApiConfig config) {
        this.database = database;
        this.clock = clock;
        this.retention = config.idempotencyRetention();
    }

    /** The answer stored under the key, unless the key is unused or expired. */
    public Optional<StoredAnswer> find(String caller, String key) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT fingerprint, status, location, body FROM idempotency_key"
                             + " WHERE caller = ? AND idempotency_key = ? AND created_at >= ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            select.setTimestamp(3, Timestamp.from(clock.instant().minus(retention)));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredAnswer(row.getString(1).trim(), row.getInt(2), row.getString(3),
                        row.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read idempotency key", e);
        }
    }

    /**
     * Stores the answer under the key, in the active transaction. A concurrent request with the same key waits here
     * until the first one's transaction ends, then fails with {@link KeyTaken} if that one committed.
     */
    public void store(String caller, String key, StoredAnswer answer) {
        Instant now = clock.instant();
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement expired = connection.prepareStatement(
                    "DELETE FROM idempotency_key WHERE caller = ? AND idempotency_key = ? AND created_at < ?")) {
                expired.setString(1, caller);
                expired.setString(2, key);
                expired.setTimestamp(3, Timestamp.from(now.minus(retention)));
                expired.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at, status, location,"
                            + " body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, caller);
                insert.setString(2, key);
                insert.setString(3, answer.fingerprint());
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setInt(5, answer.status());
                insert.setString(6, answer.location());
                insert.setString(7, answer.body());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (isKeyTaken(e)) {
                    throw new KeyTaken(e);
                }
                throw e;
            }
            purgeNowAndThen(connection, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store idempotency key", e);
        }
    }

    private void purgeNowAndThen(Connection connection, Instant now) throws SQLException {
        Instant last = lastPurge.get();
        if (last.plus(PURGE_EVERY).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < ?")) {
            purge.setTimestamp(1, Timestamp.from(now.minus(retention)));
            purge.executeUpdate();
        }
    }

    /** 23505 unique violation (PostgreSQL, H2); H2's lock timeout (HYT00) while another holds the same key. */
    private static boolean isKeyTaken(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || "HYT00".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
