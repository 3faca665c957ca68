package org.metriclifecycle.deploy.api;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, cutting sessions, or the pool unable
 * to hand out a connection in time) from any other, however Axon, Hibernate, Agroal or the transaction manager
 * wrapped it, so that the API answers it with 503 and a Retry-After instead of a 500: the client did nothing wrong
 * and the same request may well succeed a few seconds later (README "When the database is down").
 */
final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again: about how long a PostgreSQL restart takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS - 1);

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return causes(failure, seen);
    }

    static Response problem(Throwable failure, String instance) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        // One line per burst, not one per request: during an outage every request fails the same way.
        if (now - last > WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("the database is unavailable; answering 503 (%s)", failure);
        } else {
            LOG.debugf("the database is unavailable; answered 503 (%s)", failure);
        }
        Response problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                "Database unavailable", "the database cannot be reached right now; retry in a few seconds (a write "
                        + "answered this way may or may not have been stored)", instance).toResponse();
        return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
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
