package org.metriclifecycle.deploy.infra;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * Lets a request wait for the projections without polling the database in a tight loop: every committed
 * projection batch in this JVM wakes the waiters, who then re-check their condition. Batches committed by
 * another replica are seen by the bounded re-check interval.
 */
@Singleton
public class ProjectionProgress {

    private static final long RECHECK_MILLIS = 20;

    private final Object monitor = new Object();
    private long generation;

    MessageHandlerInterceptor<EventMessage<?>> signalAfterCommit() {
        return (unitOfWork, chain) -> {
            unitOfWork.afterCommit(committed -> signal());
            return chain.proceed();
        };
    }

    void signal() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    /** @return whether {@code reached} became true within {@code timeout} */
    public boolean await(BooleanSupplier reached, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = generation;
            }
            if (reached.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (monitor) {
                if (generation == seen) {
                    try {
                        monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), RECHECK_MILLIS)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }
    }
}
