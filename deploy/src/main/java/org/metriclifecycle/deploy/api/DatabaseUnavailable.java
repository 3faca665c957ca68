package org.metriclifecycle.deploy.api;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.metriclifecycle.deploy.ops.DatabaseOutage;

/**
 * The answer to a request that failed because the database is out of reach ({@link DatabaseOutage}): 503 with a
 * Retry-After instead of a 500, since the client did nothing wrong and the same request may well succeed a few
 * seconds later (docs/operations.md "When the database is down").
 */
final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again: about how long a PostgreSQL restart takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS - 1);

    private DatabaseUnavailable() {
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
}
