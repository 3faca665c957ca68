package org.metriclifecycle.query.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rebuilds every read model derived from events (metric views and history, team views, webhook subscriptions) in one
 * pass over the event store: the events are read in global order in keyset pages, each stream is folded in memory
 * ({@link StreamFolds}), and each stream, once the scan has passed its last event, is written once, in batches of
 * streams with multi-row INSERTs and batched UPDATEs ({@link RebuildWriter}, whose comment gives the protocol that
 * keeps writers running meanwhile correct). Rows of streams that have no events are removed at the end.
 * <p>
 * Plain JDBC, no framework: the caller gives connections (not enlisted in any other transaction) and the event
 * store's reads; a thread of its own reads and decodes the next pages while the caller's thread (and, with
 * {@link Settings#foldThreads} above one, threads beside it, each on its share of the streams) folds, two more write
 * the batches (at most four waiting), and it stops with an {@link InterruptedException} when it is interrupted.
 */
public final class ProjectionRebuilder {

    /** Where connections come from; each is closed after use. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** What the rebuild reports as it goes. */
    public interface Progress {
        /** The scan's head is known: {@code events} committed events up to it. */
        void started(long events);

        /**
         * {@code events} more events folded: from the scan, or ({@code extra}) read by a batch because the scan did
         * not fold them (committed after the scan passed them, or after a gap in their stream).
         */
        void applied(long events, boolean extra);
    }

    /**
     * Sizes of the work units.
     *
     * @param batchPause  a pause after each batch's commit, to leave a busy database to the writers (zero: none)
     * @param foldThreads how many threads fold a page, each the streams of its share of stream ids (at least 1)
     */
    public record Settings(int pageSize, int batchStreams, int batchHistoryRows, int attempts,
                           Duration batchPause, int foldThreads) {

        public static final Settings DEFAULT = new Settings(5_000, 250, 5_000, 8, Duration.ZERO,
                defaultFoldThreads());

        public Settings {
            if (foldThreads < 1) {
                throw new IllegalArgumentException("foldThreads must be at least 1: " + foldThreads);
            }
        }

        /** One per core, at most four: beyond that the scan and the writes bound the rebuild, not the fold. */
        public static int defaultFoldThreads() {
            return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }
    }

    private final Connections connections;
    private final EventStoreReads store;
    private final RebuildWriter writer;
    private final ObjectMapper json;
    private final Settings settings;

    public ProjectionRebuilder(Connections connections, EventStoreReads store, ObjectMapper json, Settings settings) {
        this(connections, store, json, settings, RebuildWriter.MULTI_ROW_INSERTS);
    }

    public ProjectionRebuilder(Connections connections, EventStoreReads store, ObjectMapper json, Settings settings,
                               RebuildWriter.Inserts inserts) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.store = Objects.requireNonNull(store, "store");
        this.json = Objects.requireNonNull(json, "json");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = new RebuildWriter(json, store, inserts);
    }

    /** What a run did, and where its time went (reading and decoding, folding, writing batches). */
    public record Result(int streams, long scanNanos, long foldNanos, long writeNanos) {
    }

    private volatile long scanNanos;
    private long foldNanos;
    private final LongAdder writeNanos = new LongAdder();

    /** @return the number of streams rebuilt, and the time spent in each part */
    public Result run(Progress progress) throws SQLException, InterruptedException {
        // Stages on threads of their own: the scan reads and decodes the next pages while the folds work through the
        // current one, each on the streams of its share of stream ids (a stream's events stay in order on one
        // thread), and WRITERS write batches (disjoint streams, each on a connection of its own) while both go on.
        // At most SCANNED_AHEAD pages and WRITES_AHEAD batches wait, which bounds memory.
        int parts = settings.foldThreads();
        ExecutorService writes = Executors.newFixedThreadPool(WRITERS, daemon("-writer"));
        ExecutorService scan = Executors.newSingleThreadExecutor(daemon("-scan"));
        ExecutorService folding = parts > 1 ? Executors.newFixedThreadPool(parts - 1, daemon("-fold")) : null;
        Deque<Future<Long>> pending = new ArrayDeque<>();
        try {
            StreamFolds[] folds = new StreamFolds[parts];
            Future<?> scanning = null;
            try (Connection read = connections.open()) {
                read.setAutoCommit(true);
                EventStoreReads.Head head = store.head(read);
                progress.started(head.events());
                for (int i = 0; i < parts; i++) {
                    folds[i] = new StreamFolds(json, head.lastSequences());
                }
                BlockingQueue<EventStoreReads.Page> pages = new ArrayBlockingQueue<>(SCANNED_AHEAD);
                if (head.globalIndex() > Long.MIN_VALUE) {
                    scanning = scan.submit(() -> scanAll(read, head.globalIndex(), pages));
                }
                while (scanning != null) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("rebuild interrupted");
                    }
                    EventStoreReads.Page page = nextPage(pages, scanning);
                    if (page.events().isEmpty()) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    long folded = fold(page.events(), folds, folding);
                    foldNanos += System.nanoTime() - t0;
                    progress.applied(folded, false);
                    for (StreamFolds part : folds) {
                        flush(part, false, progress, writes, pending);
                    }
                    if (page.lastGlobalIndex() >= head.globalIndex()) {
                        break;
                    }
                }
            } finally {
                if (scanning != null) {
                    // The scan reads on this connection: stopped before it closes, not after.
                    scanning.cancel(true);
                    scan.shutdown();
                    scan.awaitTermination(10, TimeUnit.SECONDS);
                }
            }
            int streams = 0;
            for (StreamFolds part : folds) {
                part.finish();
                flush(part, true, progress, writes, pending);
                streams += part.streams();
            }
            while (!pending.isEmpty()) {
                await(pending.pollFirst());
            }
            inTransaction(writer::deleteOrphans);
            return new Result(streams, scanNanos, foldNanos, writeNanos.sum());
        } finally {
            scan.shutdownNow();
            writes.shutdownNow();
            if (folding != null) {
                folding.shutdownNow();
                folding.awaitTermination(10, TimeUnit.SECONDS);
            }
            scan.awaitTermination(10, TimeUnit.SECONDS);
            writes.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Folds a page: every stream's events on the thread of its share, this one doing the first share itself. */
    private static long fold(List<RebuildEvent> events, StreamFolds[] folds, ExecutorService folding)
            throws SQLException, InterruptedException {
        if (folds.length == 1) {
            return foldAll(events, folds[0]);
        }
        List<List<RebuildEvent>> shares = new ArrayList<>(folds.length);
        for (int i = 0; i < folds.length; i++) {
            shares.add(new ArrayList<>(events.size() / folds.length + 16));
        }
        for (RebuildEvent event : events) {
            shares.get(Math.floorMod(event.aggregateId().hashCode(), folds.length)).add(event);
        }
        List<Future<Long>> others = new ArrayList<>(folds.length - 1);
        for (int i = 1; i < folds.length; i++) {
            int share = i;
            others.add(folding.submit(() -> foldAll(shares.get(share), folds[share])));
        }
        long folded = foldAll(shares.get(0), folds[0]);
        for (Future<Long> other : others) {
            folded += await(other);
        }
        return folded;
    }

    private static long foldAll(List<RebuildEvent> events, StreamFolds folds) {
        long folded = 0;
        for (RebuildEvent event : events) {
            if (folds.apply(event)) {
                folded++;
            }
        }
        return folded;
    }

    private static ThreadFactory daemon(String suffix) {
        String name = Thread.currentThread().getName() + suffix;
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final int SCANNED_AHEAD = 2;

    /** Reads every page up to the head into {@code pages}, ending with an empty page or one that reaches the head. */
    private Void scanAll(Connection read, long head, BlockingQueue<EventStoreReads.Page> pages)
            throws SQLException, InterruptedException {
        long after = Long.MIN_VALUE;
        while (true) {
            long started = System.nanoTime();
            EventStoreReads.Page page = store.page(read, after, head, settings.pageSize());
            scanNanos += System.nanoTime() - started;
            pages.put(page);
            if (page.events().isEmpty() || page.lastGlobalIndex() >= head) {
                return null;
            }
            after = page.lastGlobalIndex();
        }
    }

    private static EventStoreReads.Page nextPage(BlockingQueue<EventStoreReads.Page> pages,
                                                 Future<?> scanning) throws SQLException, InterruptedException {
        while (true) {
            EventStoreReads.Page page = pages.poll(50, TimeUnit.MILLISECONDS);
            if (page != null) {
                return page;
            }
            if (scanning.isDone()) {
                try {
                    scanning.get();
                } catch (ExecutionException e) {
                    throw rethrown(e);
                }
                page = pages.poll();
                if (page == null) {
                    throw new IllegalStateException("the scan ended before the head");
                }
                return page;
            }
        }
    }

    /** Batches written at once, each on its own connection: the database works on one while another waits. */
    private static final int WRITERS = 2;

    private static final int WRITES_AHEAD = 2 * WRITERS;

    private void flush(StreamFolds folds, boolean all, Progress progress, ExecutorService writes,
                       Deque<Future<Long>> pending) throws SQLException, InterruptedException {
        while (folds.readyMetricStreams() >= (all ? 1 : settings.batchStreams())
                || (folds.readyMetricStreams() > 0 && folds.readyHistoryRows() >= settings.batchHistoryRows())) {
            List<MetricStreamFold> batch = folds.takeMetrics(settings.batchStreams(), settings.batchHistoryRows());
            submit(() -> inTransaction(connection -> writer.writeMetrics(connection, batch)), progress, writes,
                    pending);
        }
        while (folds.readyTeamStreams() >= (all ? 1 : settings.batchStreams())) {
            List<TeamStreamFold> batch = folds.takeTeams(settings.batchStreams());
            submit(() -> inTransaction(connection -> writer.writeTeams(connection, batch)), progress, writes,
                    pending);
        }
    }

    private interface Batch {
        long write() throws SQLException, InterruptedException;
    }

    private void submit(Batch batch, Progress progress, ExecutorService writes, Deque<Future<Long>> pending)
            throws SQLException, InterruptedException {
        while (pending.size() >= WRITES_AHEAD) {
            await(pending.pollFirst());
        }
        pending.addLast(writes.submit(() -> {
            long extra = batch.write();
            if (extra > 0) {
                progress.applied(extra, true);
            }
            return extra;
        }));
    }

    private static long await(Future<Long> task) throws SQLException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    /** The failure of a stage's task, as this thread's own: SQL, interruption and unchecked ones as they were. */
    private static SQLException rethrown(ExecutionException e) throws InterruptedException {
        Throwable cause = e.getCause();
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(cause);
    }

    private void pause() throws InterruptedException {
        if (!settings.batchPause().isZero()) {
            Thread.sleep(settings.batchPause().toMillis());
        }
    }

    private interface Work {
        long run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction, again when it lost a race with a writer (deadlock, key, lock timeout). */
    private long inTransaction(Work work) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("rebuild interrupted");
            }
            long started = System.nanoTime();
            try (Connection connection = connections.open()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    long result = work.run(connection);
                    connection.commit();
                    writeNanos.add(System.nanoTime() - started);
                    pause();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    if (!(e instanceof SQLException sql) || !RebuildWriter.retryable(sql)
                            || attempt >= settings.attempts()) {
                        throw e;
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            Thread.sleep(5L * attempt);
        }
    }
}
