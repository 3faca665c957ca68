package org.metriclifecycle.deploy.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;

/**
 * Axon transactions on Quarkus's JTA transaction manager, so the event store, the token store, the deadline
 * table and the Hibernate read models all commit together. Joins a transaction already active on the thread
 * (commit is then the owner's business; rollback only marks it).
 */
final class JtaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    /** Whether the calling thread runs inside a JTA transaction. */
    static boolean active(jakarta.transaction.TransactionManager jta) {
        try {
            return jta.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return joined();
            }
            jta.begin();
            return owned();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a JTA transaction", e);
        }
    }

    private Transaction owned() {
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    if (jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                        jta.rollback();
                        throw new IllegalStateException("transaction was marked for rollback");
                    }
                    jta.commit();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("could not commit the JTA transaction", e);
                }
            }

            @Override
            public void rollback() {
                try {
                    if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                        jta.rollback();
                    }
                } catch (SystemException e) {
                    throw new IllegalStateException("could not roll back the JTA transaction", e);
                }
            }
        };
    }

    private Transaction joined() {
        return new Transaction() {
            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
                try {
                    jta.setRollbackOnly();
                } catch (SystemException e) {
                    throw new IllegalStateException("could not mark the JTA transaction for rollback", e);
                }
            }
        };
    }
}
