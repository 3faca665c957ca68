package org.metriclifecycle.deploy.infra;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The message source of the streaming processors: reads the storage engine directly and wakes the processors
 * the moment a transaction of this JVM commits events. Axon's embedded event store offers no availability
 * callback, so a pooled processor would otherwise poll every 500 ms, and every read-your-writes answer would
 * wait for that poll. Events committed by another process arrive through {@link #wakeAll()} (called by
 * {@link CommitNotifications} on PostgreSQL) or, failing that, the processor's periodic check.
 */
final class CommitAwareEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final int BATCH = 256;
    private static final Object WAKE_REGISTERED = CommitAwareEventSource.class.getName() + ".wake";

    private final EventStorageEngine storage;
    private final TransactionSynchronizationRegistry transactions;
    private final Set<CommitAwareStream> openStreams = ConcurrentHashMap.newKeySet();
    private volatile Runnable afterLocalCommit = () -> {
    };
    /** How long an idle stream waits before reading the store again when nothing woke it. */
    private volatile long idlePollMillis = 100;

    CommitAwareEventSource(EventStorageEngine storage, TransactionSynchronizationRegistry transactions) {
        this.storage = storage;
        this.transactions = transactions;
    }

    /** Also runs {@code listener} after each local commit that appended events (to tell the other instances). */
    void alsoAfterCommit(Runnable listener) {
        this.afterLocalCommit = listener;
    }

    /**
     * Call while publishing events: the open streams are woken once the JTA transaction that holds the events has
     * committed. That is not always when the unit of work commits: a write with an Idempotency-Key runs its command
     * inside the caller's transaction, which commits later, and a wake before then would find nothing new.
     */
    void wakeAfterCommit() {
        if (transactions.getTransactionKey() != null
                && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            if (transactions.getResource(WAKE_REGISTERED) == null) {
                transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            committedHere();
                        }
                    }
                });
            }
            return;
        }
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().afterCommit(committed -> committedHere()));
    }

    private void committedHere() {
        wakeAll();
        afterLocalCommit.run();
    }

    /**
     * Where every commit that matters wakes the streams (one process on H2, or LISTEN/NOTIFY between instances), an
     * idle stream need not re-read the store ten times a second; the periodic read remains as a safety net.
     */
    void pollIdleEvery(long millis) {
        this.idlePollMillis = millis;
    }

    void wakeAll() {
        openStreams.forEach(CommitAwareStream::wake);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        CommitAwareStream stream = new CommitAwareStream(trackingToken);
        openStreams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    /** Used by one processor thread at a time; only {@link #wake()} is called from other threads. */
    private final class CommitAwareStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        private final Object signal = new Object();
        /** Counts wake-ups (guarded by {@code signal}), so one that comes while the store is being read is not lost. */
        private long wakes;
        private TrackingToken lastToken;
        private volatile Runnable onAvailable;

        CommitAwareStream(TrackingToken start) {
            this.lastToken = start;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            fill();
            return Optional.ofNullable(buffer.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen;
                synchronized (signal) {
                    seen = wakes;
                }
                fill();
                if (!buffer.isEmpty()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (signal) {
                    if (wakes != seen) {
                        continue;
                    }
                    try {
                        signal.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), idlePollMillis)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
            }
            return buffer.poll();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            openStreams.remove(this);
        }

        void wake() {
            synchronized (signal) {
                wakes++;
                signal.notifyAll();
            }
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        private void fill() {
            if (!buffer.isEmpty()) {
                return;
            }
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(lastToken, false)) {
                events.limit(BATCH).forEachOrdered(event -> {
                    buffer.add(event);
                    lastToken = event.trackingToken();
                });
            }
        }
    }
}
