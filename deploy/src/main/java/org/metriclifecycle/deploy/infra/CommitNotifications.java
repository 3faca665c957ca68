package org.metriclifecycle.deploy.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the other instances the moment this one commits events, so their processors read them at once (PostgreSQL
 * LISTEN/NOTIFY). Without it a write on one instance whose read model another instance projects waits for that
 * instance's periodic check, about a second, on every write.
 * <p>
 * Two daemon threads: the sender issues one {@code pg_notify} per burst of local commits (a notification sent after
 * the last commit covers every commit before it), on a pooled connection; the listener holds a dedicated connection
 * (LISTEN needs a session of its own, never a pooled one) and wakes the local processors on each notification from
 * another instance, and once after every (re)connection, since notifications sent while it was away are lost.
 * Notifications are only a hint: the processors' periodic check still finds every event.
 */
final class CommitNotifications implements AutoCloseable {

    static final String CHANNEL = "metric_lifecycle_events";

    private static final Logger LOG = Logger.getLogger(CommitNotifications.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 1_000;
    /** A silent half-open connection would never fail a receive: probe it every 30 idle receives. */
    private static final int PROBE_EVERY = 30;
    private static final long RECONNECT_MILLIS = 1_000;

    private final DataSource pool;
    private final Supplier<Connection> listenerConnections;
    private final String nodeId;
    private final Runnable wake;
    private final Object pending = new Object();
    private boolean commitPending;
    private volatile boolean running;
    private Thread sender;
    private Thread listener;

    /**
     * @param pool                for sending notifications
     * @param listenerConnections opens a dedicated connection, outside the pool
     * @param nodeId              the payload, so an instance ignores its own notifications
     * @param wake                wakes this instance's processors
     */
    CommitNotifications(DataSource pool, Supplier<Connection> listenerConnections, String nodeId, Runnable wake) {
        this.pool = pool;
        this.listenerConnections = listenerConnections;
        this.nodeId = nodeId;
        this.wake = wake;
    }

    void start() {
        running = true;
        sender = daemon("commit-notify-sender", this::sendLoop);
        listener = daemon("commit-notify-listener", this::listenLoop);
    }

    /** Called after a local transaction that appended events has committed; never blocks. */
    void committed() {
        synchronized (pending) {
            commitPending = true;
            pending.notifyAll();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : new Thread[] {sender, listener}) {
            if (thread != null) {
                thread.interrupt();
            }
        }
        for (Thread thread : new Thread[] {sender, listener}) {
            if (thread != null) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void sendLoop() {
        while (running) {
            try {
                synchronized (pending) {
                    while (!commitPending) {
                        pending.wait();
                    }
                    commitPending = false;
                }
                notifyOthers();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                // Lost hints only cost latency: the others' periodic check still finds the events.
                LOG.debugf(e, "could not send a commit notification");
                pause(RECONNECT_MILLIS);
            }
        }
    }

    private void notifyOthers() throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, nodeId);
            notify.execute();
        }
    }

    private void listenLoop() {
        boolean reported = false;
        while (running) {
            try (Connection connection = listenerConnections.get()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (reported) {
                    LOG.infof("listening for commits of other instances again");
                    reported = false;
                }
                wake.run();
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!reported) {
                    LOG.warnf("not listening for commits of other instances (%s); retrying every second, meanwhile "
                            + "their events are seen within about a second", e.getMessage());
                    reported = true;
                }
                pause(RECONNECT_MILLIS);
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        int idle = 0;
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(RECEIVE_TIMEOUT_MILLIS);
            boolean fromOthers = false;
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    fromOthers |= !nodeId.equals(notification.getParameter());
                }
            }
            if (fromOthers) {
                wake.run();
            }
            if (notifications == null || notifications.length == 0) {
                if (++idle % PROBE_EVERY == 0) {
                    try (Statement probe = connection.createStatement()) {
                        probe.execute("SELECT 1");
                    }
                }
            } else {
                idle = 0;
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
