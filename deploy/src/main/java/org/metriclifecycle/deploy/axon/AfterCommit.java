package org.metriclifecycle.deploy.axon;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

/**
 * Runs side effects once the database transaction that caused them has committed, and never when it rolled back.
 * A JTA synchronization rather than Axon's {@code afterCommit}: when a caller's transaction wraps the command (a write
 * with an Idempotency-Key), Axon's unit of work "commits" before the real commit, and a push sent then could announce
 * a change that is rolled back a moment later.
 */
@Singleton
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class);

    private final TransactionSynchronizationRegistry synchronizations;

    @Inject
    AfterCommit(TransactionSynchronizationRegistry synchronizations) {
        this.synchronizations = synchronizations;
    }

    /** Runs {@code effect} after the current transaction commits; at once when no transaction is active. */
    public void run(Runnable effect) {
        if (synchronizations.getTransactionStatus() != Status.STATUS_ACTIVE) {
            safely(effect);
            return;
        }
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    safely(effect);
                }
            }
        });
    }

    private static void safely(Runnable effect) {
        try {
            effect.run();
        } catch (RuntimeException e) {
            // The transaction has committed: a failed side effect must not turn an acknowledged write into an error.
            LOG.warnf(e, "a side effect after commit failed");
        }
    }
}
