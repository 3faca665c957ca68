package org.metriclifecycle.deploy.ops;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, cutting sessions, or the pool unable
 * to hand out a connection in time) from any other, however Axon, Hibernate, Agroal or the transaction manager
 * wrapped it: the request may well succeed a few seconds later (docs/operations.md "When the database is down").
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** @return whether the database being out of reach caused this failure */
    public static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return causes(failure, seen);
    }

    private static boolean causes(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof ConnectException || failure instanceof SocketException
                || failure.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        if (failure instanceof SQLException sql && (unavailable(sql.getSQLState()) || acquisitionTimeout(sql)
                || inRolledBackTransaction(sql) || causes(sql.getNextException(), seen))) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (causes(suppressed, seen)) {
                return true;
            }
        }
        return causes(failure.getCause(), seen);
    }

    /**
     * Class 08 (connection exception: refused, broken, closed), 57P01-57P03 (the server shuts down, crashed, or is
     * starting up and refuses sessions), 53300 (too many connections).
     */
    private static boolean unavailable(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    /**
     * The pool refused a connection because the request's transaction was already rolled back: an earlier step failed
     * to reach the database and a library carried on without it (Axon falls back from an unreadable snapshot to the
     * full stream), but the failure had marked the transaction for rollback. Nothing is stored; a retry is safe.
     */
    private static boolean inRolledBackTransaction(SQLException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof jakarta.transaction.RollbackException) {
                return true;
            }
        }
        return false;
    }

    /** Agroal's pool gave no connection within quarkus.datasource.*.jdbc.acquisition-timeout (it sets no state). */
    private static boolean acquisitionTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
    }
}
