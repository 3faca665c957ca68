package org.metriclifecycle.deploy.infra;

import java.time.Duration;

/** The processors' gap timeout, checked against the transaction timeout (see {@link ProcessorsConfig#gapTimeout}). */
final class GapTimeout {

    private GapTimeout() {
    }

    /** @return the gap timeout in milliseconds, as Axon takes it */
    static int checked(Duration gapTimeout, Duration transactionTimeout) {
        Duration needed = transactionTimeout.multipliedBy(2);
        if (gapTimeout.compareTo(needed) < 0) {
            throw new IllegalStateException("metrics.processors.gap-timeout (" + gapTimeout + ") must be at least twice"
                    + " quarkus.transaction-manager.default-transaction-timeout (" + transactionTimeout + "), that is "
                    + needed + ": a shorter one lets a projection skip an event whose transaction committed late");
        }
        if (gapTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalStateException("metrics.processors.gap-timeout (" + gapTimeout + ") is above 24 days");
        }
        return (int) gapTimeout.toMillis();
    }
}
