package org.metriclifecycle.deploy.infra;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * Lets a request wait for a projection without polling the database: each processor of this JVM notes, once its batch
 * has committed, how far it applied every stream it touched, and wakes the waiters, who look in that memory. The
 * database is asked only every {@link #DATABASE_RECHECK_MILLIS} per waiter, for batches another instance applied (or
 * that this memory has forgotten). Asking the database on every wake-up cost a transaction per waiting request per
 * batch of any processor: a fifth of the service's CPU at 16 clients (bench/RESULTS.md).
 */
@Singleton
public class ProjectionProgress {

    private static final long DATABASE_RECHECK_MILLIS = 50;
    /** Streams remembered per processor; past that the memory starts afresh and waiters rely on the database. */
    private static final int REMEMBERED_STREAMS = 50_000;

    private final Object monitor = new Object();
    private final Map<String, Map<String, Long>> applied = new ConcurrentHashMap<>();
    private long generation;

    MessageHandlerInterceptor<EventMessage<?>> signalAfterCommit(String processor) {
        Map<String, Long> streams = applied.computeIfAbsent(processor, name -> new ConcurrentHashMap<>());
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            // One callback: Axon runs after-commit callbacks in reverse order, so a separate signal would wake the
            // waiters before the memory they look in was written (and they would sleep until the database check).
            if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                String stream = event.getAggregateIdentifier();
                long sequence = event.getSequenceNumber();
                unitOfWork.afterCommit(committed -> {
                    remember(streams, stream, sequence);
                    signal();
                });
            } else {
                unitOfWork.afterCommit(committed -> signal());
            }
            return result;
        };
    }

    private static void remember(Map<String, Long> streams, String stream, long sequence) {
        if (streams.size() >= REMEMBERED_STREAMS) {
            streams.clear();
        }
        streams.merge(stream, sequence, Math::max);
    }

    void signal() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    /**
     * @param processor    the processor whose read model the caller reads
     * @param stream       the stream (aggregate) written
     * @param written      the sequence of the stream's last written event
     * @param fromDatabase how far the read model has applied the stream, as the database says (-1: not at all)
     * @return whether the read model reached {@code written} within {@code timeout}
     */
    public boolean await(String processor, String stream, long written, LongSupplier fromDatabase, Duration timeout) {
        Map<String, Long> streams = applied.computeIfAbsent(processor, name -> new ConcurrentHashMap<>());
        long now = System.nanoTime();
        long deadline = now + timeout.toNanos();
        long nextDatabaseCheck = now + TimeUnit.MILLISECONDS.toNanos(DATABASE_RECHECK_MILLIS);
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = generation;
            }
            if (streams.getOrDefault(stream, -1L) >= written) {
                return true;
            }
            now = System.nanoTime();
            if (now - nextDatabaseCheck >= 0 || now - deadline >= 0) {
                if (fromDatabase.getAsLong() >= written) {
                    return true;
                }
                nextDatabaseCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DATABASE_RECHECK_MILLIS);
            }
            now = System.nanoTime();
            if (now - deadline >= 0) {
                return false;
            }
            long waitNanos = Math.min(deadline - now, nextDatabaseCheck - now);
            synchronized (monitor) {
                if (generation == seen) {
                    try {
                        monitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }
    }
}
