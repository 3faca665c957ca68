package org.metriclifecycle.deploy.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.jboss.logging.Logger;

/**
 * Which instances are alive, so that each claims only its fair share of a processor's segments. A pooled processor
 * claims every segment it can, so without this the first instance would keep all of them and the others idle. Axon
 * asks the {@link MaxSegmentProvider} on every claim cycle and releases what an instance holds beyond it, so a
 * second instance gets half the segments within a claim interval of its first heartbeat, and a survivor gets all of
 * them back once a dead instance's heartbeat and claims have timed out.
 * <p>
 * Each instance upserts a row in {@code service_instance} every fifth of the liveness window; instances whose row is
 * older than the window do not count. Times are the instances' own clocks, as in Axon's token claims.
 */
final class ReplicaMembership implements MaxSegmentProvider, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReplicaMembership.class);
    /** Rows of instances gone this long are deleted, so restarts (each with a new node id) leave no litter. */
    private static final int FORGET_AFTER_WINDOWS = 30;

    private final DataSource dataSource;
    private final String nodeId;
    private final Duration liveness;
    private volatile int liveInstances = 1;
    private volatile Map<String, Integer> segmentCounts = Map.of();
    private volatile boolean failing;
    private ScheduledExecutorService timer;

    ReplicaMembership(DataSource dataSource, String nodeId, Duration liveness) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.liveness = liveness;
    }

    /** Registers this instance before its processors claim anything, then keeps its heartbeat going. */
    void start() {
        beat();
        long period = Math.max(200, liveness.toMillis() / 5);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replica-membership");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int getMaxSegments(String processor) {
        Integer segments = segmentCounts.get(processor);
        if (segments == null) {
            // No tokens yet: the first claim cycle initializes them, and the next heartbeat counts them.
            return Short.MAX_VALUE;
        }
        int instances = Math.max(1, liveInstances);
        return (segments + instances - 1) / instances;
    }

    int liveInstances() {
        return liveInstances;
    }

    String nodeId() {
        return nodeId;
    }

    /** Leaves the group at a graceful stop (after the processors released their claims), so others need not wait. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM service_instance WHERE node_id = ?")) {
            delete.setString(1, nodeId);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf(e, "could not remove instance %s from service_instance", nodeId);
        }
    }

    private void beat() {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            upsert(connection, now);
            liveInstances = countLive(connection, now.minus(liveness));
            segmentCounts = segmentCounts(connection);
            forget(connection, now.minus(liveness.multipliedBy(FORGET_AFTER_WINDOWS)));
            if (failing) {
                LOG.infof("heartbeat of instance %s restored: %d live instance(s)", nodeId, liveInstances);
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            // Keep the last known view: the processors go on with the share they had.
            if (!failing) {
                LOG.warnf(e, "heartbeat of instance %s failed; keeping %d live instance(s)", nodeId, liveInstances);
                failing = true;
            }
        }
    }

    private void upsert(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE service_instance SET heartbeat_at = ? WHERE node_id = ?")) {
            update.setObject(1, utc(now));
            update.setString(2, nodeId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO service_instance (node_id, started_at, heartbeat_at) VALUES (?, ?, ?)")) {
            insert.setString(1, nodeId);
            insert.setObject(2, utc(now));
            insert.setObject(3, utc(now));
            insert.executeUpdate();
        }
    }

    private static int countLive(Connection connection, Instant since) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM service_instance WHERE heartbeat_at > ?")) {
            count.setObject(1, utc(since));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Map<String, Integer> segmentCounts(Connection connection) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return Map.copyOf(counts);
    }

    private static void forget(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM service_instance WHERE heartbeat_at < ?")) {
            delete.setObject(1, utc(before));
            delete.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
