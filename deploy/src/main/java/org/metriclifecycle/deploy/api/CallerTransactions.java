package org.metriclifecycle.deploy.api;

import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Transactions the HTTP layer opens around a whole write (a write with an Idempotency-Key): the command's unit of
 * work joins it, so the events and whatever the caller stores beside them commit together.
 */
@Singleton
public class CallerTransactions {

    private final TransactionManager transactions;

    @Inject
    CallerTransactions(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code work} in a new transaction and commits it; rolls it back if {@code work} or the commit fails. */
    public <T> T inOne(Callable<T> work) throws Exception {
        transactions.begin();
        try {
            T result = work.call();
            transactions.commit();
            return result;
        } catch (Exception | Error e) {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
            throw e;
        }
    }

    /** Runs {@code work} in a transaction of its own, whatever the caller's thread is doing. */
    public void inNew(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }
}
