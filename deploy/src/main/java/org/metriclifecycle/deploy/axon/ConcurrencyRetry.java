package org.metriclifecycle.deploy.axon;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

/**
 * Retries a command once, after a few milliseconds, when it lost a race for the same stream to another instance:
 * both loaded the same version, the other appended first, and the event store's unique (aggregate, sequence) key
 * refused this one (a {@link ConcurrencyException}; an {@link AggregateStreamCreationException} when both created
 * a team's stream). Within one instance the repository's lock serializes such commands; across instances it cannot.
 * <p>
 * Safe because the losing attempt left nothing behind (its whole transaction, deadlines included, rolled back) and
 * the retry decides afresh on the stream as it now is: a deprecated metric or a used-up budget is then refused with
 * its own 409. Nothing else is retried (every other failure is a verdict, not a race), nor a command sent from
 * inside another unit of work (a processor's), whose transaction is already marked for rollback and is retried as a
 * whole by its processor, nor one sent inside a caller's own JTA transaction (a write with an Idempotency-Key):
 * the database has already aborted that transaction, so the caller retries it as a whole. A second lost race
 * answers 409 "concurrent-change"; the client may retry.
 */
public final class ConcurrencyRetry implements RetryScheduler {

    private static final Logger LOG = Logger.getLogger(ConcurrencyRetry.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final BooleanSupplier insideCallersTransaction;

    ConcurrencyRetry(BooleanSupplier insideCallersTransaction) {
        this.insideCallersTransaction = insideCallersTransaction;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (failures.size() > 1 || CurrentUnitOfWork.isStarted() || !lostRace(lastFailure)
                || insideCallersTransaction.getAsBoolean()) {
            return false;
        }
        LOG.debugf("%s lost a race for its stream; retrying it once (%s)", commandMessage.getCommandName(),
                lastFailure.getMessage());
        // A little jitter, so two instances that collided do not collide again in lockstep.
        executor.schedule(dispatchTask, ThreadLocalRandom.current().nextLong(5, 40), TimeUnit.MILLISECONDS);
        return true;
    }

    void shutdown() {
        executor.shutdown();
    }

    /** Whether the failure is a lost race for a stream (worth one retry of the whole command). */
    public static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
