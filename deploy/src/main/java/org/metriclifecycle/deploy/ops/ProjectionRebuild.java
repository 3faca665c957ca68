package org.metriclifecycle.deploy.ops;

import org.metriclifecycle.deploy.axon.EventSerialization;
import org.metriclifecycle.deploy.axon.EventUpcasters;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.metriclifecycle.query.metric.ViewJson;
import org.metriclifecycle.query.rebuild.EventStoreReads;
import org.metriclifecycle.query.rebuild.ProjectionRebuilder;
import org.metriclifecycle.query.rebuild.RebuildEvent;
import org.metriclifecycle.query.rebuild.RebuildWriter;

import io.quarkus.runtime.ShutdownEvent;

/**
 * The projection rebuild of SPEC "Operating and scale" (docs/operations.md "Backup and restore"): one job at a time on a
 * background thread of this instance, over plain JDBC connections of the active datasource (not enlisted in JTA).
 * The fold, the batches and the protocol that keeps concurrent writers correct are {@link ProjectionRebuilder}'s
 * (query-side); this class reads {@code domain_event_entry} and decodes rows exactly as the event store does
 * (the same Jackson serializer and upcaster chain), and keeps the status the API reports.
 * <p>
 * "Already running" is per instance: two instances rebuilding at once stay correct (each batch is just another
 * locking writer), only wasteful.
 */
@Singleton
public class ProjectionRebuild implements EventStoreReads {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    public enum State { IDLE, RUNNING, FAILED }

    /**
     * What GET /api/v1/admin/projections/rebuild answers.
     *
     * @param eventsApplied   events folded so far (the scan's, plus any a batch read beyond the scan's head)
     * @param eventsTotal     events to fold: those up to the scan's head when it began, plus any a batch read
     *                        beyond them; when it ended, every event it folded
     * @param eventsPerSecond events applied per second of the run (so far, or in all when it ended)
     * @param error           why the last run failed, only when FAILED
     */
    public record Status(State state, long eventsApplied, long eventsTotal, Instant startedAt, Instant finishedAt,
                         double eventsPerSecond, String error) {
    }

    private static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, type, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";

    private final ActiveDatabase database;
    private final boolean copy;
    private final Clock clock;
    private final ProjectionRebuilder.Settings settings;
    private final Serializer serializer = EventSerialization.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(EventUpcasters.all());
    private final ObjectMapper json = EventSerialization.mapper();
    private final ObjectReader metaDataReader = json.readerFor(new TypeReference<Map<String, Object>>() {
    });
    private final Map<String, Optional<CurrentType>> types = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile State state = State.IDLE;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long startedNanos;
    private volatile long finishedNanos;
    private volatile String error;

    @Inject
    ProjectionRebuild(ActiveDatabase database, Clock clock,
                      @ConfigProperty(name = "metrics.rebuild.page-size", defaultValue = "5000") int pageSize,
                      @ConfigProperty(name = "metrics.rebuild.batch-streams", defaultValue = "250") int batchStreams,
                      @ConfigProperty(name = "metrics.rebuild.batch-history-rows", defaultValue = "5000")
                      int batchRows,
                      @ConfigProperty(name = "metrics.rebuild.batch-pause", defaultValue = "PT0S")
                      java.time.Duration batchPause,
                      @ConfigProperty(name = "metrics.rebuild.copy", defaultValue = "false") boolean copy,
                      @ConfigProperty(name = "metrics.rebuild.fold-threads", defaultValue = "0") int foldThreads) {
        this.copy = copy;
        this.database = database;
        this.clock = clock;
        this.settings = new ProjectionRebuilder.Settings(pageSize, batchStreams, batchRows,
                ProjectionRebuilder.Settings.DEFAULT.attempts(), batchPause,
                foldThreads > 0 ? foldThreads : ProjectionRebuilder.Settings.defaultFoldThreads());
    }

    /** Starts a rebuild; empty when one is already running here. */
    public synchronized Optional<Status> start() {
        if (state == State.RUNNING) {
            return Optional.empty();
        }
        applied.set(0);
        total.set(0);
        error = null;
        finishedAt = null;
        startedAt = clock.instant();
        startedNanos = System.nanoTime();
        state = State.RUNNING;
        executor.execute(this::run);
        return Optional.of(status());
    }

    public Status status() {
        State now = state;
        long events = applied.get();
        double perSecond = 0;
        if (startedAt != null) {
            long end = now == State.RUNNING ? System.nanoTime() : finishedNanos;
            double seconds = (end - startedNanos) / 1e9;
            perSecond = seconds > 0 ? Math.round(events / seconds * 10) / 10.0 : 0;
        }
        // The count at the head is taken before the scan: an event committed late below the head is folded too.
        return new Status(now, events, Math.max(total.get(), events), startedAt, now == State.RUNNING ? null : finishedAt, perSecond,
                now == State.FAILED ? error : null);
    }

    private void run() {
        try {
            ProjectionRebuilder.Result result = new ProjectionRebuilder(() -> database.dataSource().getConnection(), this,
                    ViewJson.mapper(), settings, inserts()).run(new ProjectionRebuilder.Progress() {
                        @Override
                        public void started(long events) {
                            total.set(events);
                        }

                        @Override
                        public void applied(long events, boolean extra) {
                            applied.addAndGet(events);
                            if (extra) {
                                total.addAndGet(events);
                            }
                        }
                    });
            total.set(applied.get());
            finish(State.IDLE, null);
            LOG.infof("projection rebuild: %d streams, %d events in %.1f s (reading and decoding %.1f s, folding"
                            + " %.1f s, writing %.1f s)", result.streams(), applied.get(),
                    (finishedNanos - startedNanos) / 1e9, result.scanNanos() / 1e9, result.foldNanos() / 1e9,
                    result.writeNanos() / 1e9);
        } catch (InterruptedException e) {
            finish(State.FAILED, "interrupted (the service is stopping)");
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.error("projection rebuild failed", e);
            finish(State.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Multi-row INSERTs; COPY on PostgreSQL with {@code metrics.rebuild.copy=true}, which measured within the noise
     * of them here (ProjectionRebuildRateTest, docs/operations.md "Operating the projections").
     */
    private RebuildWriter.Inserts inserts() {
        return database.isPostgreSql() && copy ? new PostgresCopy() : RebuildWriter.MULTI_ROW_INSERTS;
    }

    private synchronized void finish(State outcome, String why) {
        finishedNanos = System.nanoTime();
        finishedAt = clock.instant();
        error = why;
        state = outcome;
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    // ---- The event store's reads, decoded like the JDBC storage engine does (serializer and upcasters).

    @Override
    public Head head(Connection connection) throws SQLException {
        long head;
        try (PreparedStatement max = connection.prepareStatement("SELECT MAX(global_index) FROM domain_event_entry");
             ResultSet row = max.executeQuery()) {
            row.next();
            head = row.getLong(1);
        }
        Map<String, Long> last = new HashMap<>();
        long events = 0;
        try (PreparedStatement streams = connection.prepareStatement("SELECT aggregate_identifier,"
                + " MAX(sequence_number), COUNT(*) FROM domain_event_entry WHERE global_index <= ?"
                + " GROUP BY aggregate_identifier")) {
            streams.setLong(1, head);
            streams.setFetchSize(10_000);
            try (ResultSet rows = streams.executeQuery()) {
                while (rows.next()) {
                    last.put(rows.getString(1), rows.getLong(2));
                    events += rows.getLong(3);
                }
            }
        }
        return new Head(head, last, events);
    }

    @Override
    public Page page(Connection connection, long after, long head, int size) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM domain_event_entry"
                + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?")) {
            select.setLong(1, after);
            select.setLong(2, head);
            select.setInt(3, size);
            select.setFetchSize(size);
            List<StoredRow> entries = new ArrayList<>(size);
            long last = after;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last = rows.getLong(1);
                    entries.add(entry(rows));
                }
            }
            return new Page(decode(entries), last);
        }
    }

    @Override
    public Map<String, Long> lastSequences(Connection connection, Collection<String> aggregateIds)
            throws SQLException {
        Map<String, Long> last = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return last;
        }
        List<String> ids = new ArrayList<>(aggregateIds);
        try (PreparedStatement select = connection.prepareStatement("SELECT aggregate_identifier,"
                + " MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") GROUP BY aggregate_identifier")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return last;
    }

    @Override
    public List<RebuildEvent> eventsAfter(Connection connection, String aggregateId, long afterSequence)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number > ? ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            select.setLong(2, afterSequence);
            List<StoredRow> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return decode(entries);
        }
    }

    /** A row as read, with its time stamp's text, which the straight decode parses itself. */
    private record StoredRow(GenericDomainEventEntry<byte[]> entry, String timeStamp) {
    }

    private static StoredRow entry(ResultSet row) throws SQLException {
        String timeStamp = row.getString("time_stamp");
        return new StoredRow(new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("event_identifier"), timeStamp,
                row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                row.getBytes("meta_data")), timeStamp);
    }

    /**
     * Each entry decoded straight with the serializer's mapper when it is stored at its class's current revision
     * (no upcaster applies to a current revision: each one lifts an older one); through Axon's serializer and the
     * upcaster chain otherwise, as the event store reads it. The straight way is about twice as fast.
     */
    private List<RebuildEvent> decode(List<StoredRow> rows) {
        List<RebuildEvent> events = new ArrayList<>(rows.size());
        for (StoredRow row : rows) {
            GenericDomainEventEntry<byte[]> entry = row.entry();
            ObjectReader current = currentReader(entry.getPayload().getType().getName(),
                    entry.getPayload().getType().getRevision());
            if (current != null) {
                events.add(decodeCurrent(row, current));
                continue;
            }
            DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(
                    Stream.of(entry), serializer, upcasters);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                events.add(new RebuildEvent(message.getAggregateIdentifier(), message.getSequenceNumber(),
                        message.getTimestamp(), message.getPayload(), message.getMetaData()));
            }
        }
        return events;
    }

    private RebuildEvent decodeCurrent(StoredRow row, ObjectReader reader) {
        GenericDomainEventEntry<byte[]> entry = row.entry();
        try {
            Object payload = reader.readValue(entry.getPayload().getData());
            Map<String, Object> metaData = metaDataReader.readValue(entry.getMetaData().getData());
            return new RebuildEvent(entry.getAggregateIdentifier(), entry.getSequenceNumber(),
                    StoredTimestamps.parse(row.timeStamp()), payload, metaData);
        } catch (IOException e) {
            throw new IllegalStateException("event " + entry.getEventIdentifier() + " not readable", e);
        }
    }


    /** A reader of the payload's class when the stored revision is its current one; null for anything else. */
    private ObjectReader currentReader(String name, String revision) {
        Optional<CurrentType> type = types.computeIfAbsent(name, key -> {
            try {
                Class<?> found = Class.forName(key, false, ProjectionRebuild.class.getClassLoader());
                Revision current = found.getAnnotation(Revision.class);
                return Optional.of(new CurrentType(current == null ? null : current.value(), json.readerFor(found)));
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        });
        return type.isPresent() && Objects.equals(type.get().revision(), revision) ? type.get().reader() : null;
    }

    /** A payload class's current revision, and a reader made once for it. */
    private record CurrentType(String revision, ObjectReader reader) {
    }
}
