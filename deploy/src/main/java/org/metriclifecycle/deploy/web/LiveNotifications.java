package org.metriclifecycle.deploy.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Carries the web page's changes to the other instances (PostgreSQL LISTEN/NOTIFY): the changes themselves travel
 * in the notification, so nobody reads the event store for them.
 * <p>
 * Two daemon threads: the sender sends what local commits queued, up to {@link #PER_NOTIFICATION} changes per
 * {@code pg_notify}, on a pooled connection and after the writing transaction (a transaction that notifies takes a
 * database-wide lock at commit); the listener holds a dedicated connection (LISTEN needs a session of its own) and
 * publishes what other instances sent. A notification lost while the listener reconnects costs a page nothing it
 * cannot recover: a page re-reads its fragments whenever its event stream (re)connects.
 * <p>
 * A {@code pg_notify} is a transaction of its own, so nothing is sent while no other instance listens: the listener
 * counts the other listeners' sessions when it connects and every 30 s, and an instance that starts listening says so
 * at once (an empty notification), so the others start relaying without waiting for their next count.
 */
public final class LiveNotifications implements AutoCloseable {

    static final String CHANNEL = "metric_lifecycle_live";

    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);
    /** Well below PostgreSQL's 8,000-byte payload limit for ids, slugs and event names. */
    private static final int PER_NOTIFICATION = 30;
    private static final int MAX_QUEUED = 10_000;
    private static final int RECEIVE_TIMEOUT_MILLIS = 10_000;
    /** Count the other listeners every 3 idle receives (30 s); the count also probes a silent half-open connection. */
    private static final int COUNT_EVERY = 3;
    public static final String APPLICATION_NAME = "metric-lifecycle-listener";
    private static final long RECONNECT_MILLIS = 1_000;

    private record Message(String node, List<LiveUpdates.Change> changes) {
    }

    private final DataSource pool;
    private final Supplier<Connection> listenerConnections;
    private final String nodeId;
    private final Consumer<LiveUpdates.Change> publish;
    private final ObjectMapper json = new ObjectMapper();
    private final List<LiveUpdates.Change> queued = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean othersListening;
    private Thread sender;
    private Thread listener;

    /**
     * @param pool                for sending notifications
     * @param listenerConnections opens a dedicated connection, outside the pool
     * @param nodeId              sent along, so an instance ignores its own notifications
     * @param publish             hands a change from another instance to this instance's pages
     */
    public LiveNotifications(DataSource pool, Supplier<Connection> listenerConnections, String nodeId,
                      Consumer<LiveUpdates.Change> publish) {
        this.pool = pool;
        this.listenerConnections = listenerConnections;
        this.nodeId = nodeId;
        this.publish = publish;
    }

    public void start() {
        running = true;
        sender = daemon("live-notify-sender", this::sendLoop);
        listener = daemon("live-notify-listener", this::listenLoop);
    }

    /** Queues a change committed here for the other instances; never blocks. */
    public void relay(LiveUpdates.Change change) {
        if (!othersListening) {
            return;
        }
        synchronized (queued) {
            if (queued.size() < MAX_QUEUED) {
                queued.add(change);
            }
            queued.notifyAll();
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
            List<LiveUpdates.Change> batch;
            try {
                synchronized (queued) {
                    while (queued.isEmpty()) {
                        queued.wait();
                    }
                    List<LiveUpdates.Change> head = queued.subList(0, Math.min(PER_NOTIFICATION, queued.size()));
                    batch = List.copyOf(head);
                    head.clear();
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                send(json.writeValueAsString(new Message(nodeId, batch)));
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                // Lost pushes only cost the other instances' pages a moment: they re-read when they reconnect.
                LOG.debugf(e, "could not relay %d live change(s) to the other instances", batch.size());
                pause(RECONNECT_MILLIS);
            }
        }
    }

    private void send(String payload) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
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
                countOtherListeners(connection);
                announce();
                if (reported) {
                    LOG.infof("listening for other instances' changes again");
                    reported = false;
                }
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!reported) {
                    LOG.warnf("not listening for other instances' changes (%s); retrying every second, meanwhile "
                            + "pages hear only this instance's writes", e.getMessage());
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
            // Blocks on the socket: an idle listener sends nothing to the database.
            PGNotification[] notifications = postgres.getNotifications(RECEIVE_TIMEOUT_MILLIS);
            if (notifications == null || notifications.length == 0) {
                if (++idle % COUNT_EVERY == 0) {
                    countOtherListeners(connection);
                }
                continue;
            }
            idle = 0;
            for (PGNotification notification : notifications) {
                deliver(notification.getParameter());
            }
        }
    }

    private void countOtherListeners(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name = ? AND pid <> pg_backend_pid()")) {
            count.setString(1, APPLICATION_NAME);
            try (java.sql.ResultSet row = count.executeQuery()) {
                othersListening = row.next() && row.getLong(1) > 0;
            }
        }
    }

    /** Tells the instances already listening that this one listens too (a message without changes). */
    private void announce() {
        try {
            send(json.writeValueAsString(new Message(nodeId, List.of())));
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            LOG.debugf(e, "could not announce this instance's listener");
        }
    }

    private void deliver(String payload) {
        try {
            Message message = json.readValue(payload, Message.class);
            if (!nodeId.equals(message.node())) {
                othersListening = true;
                message.changes().forEach(publish);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debugf(e, "ignored an unreadable live notification");
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
