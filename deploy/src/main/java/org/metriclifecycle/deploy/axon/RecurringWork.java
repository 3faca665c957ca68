package org.metriclifecycle.deploy.axon;

import java.time.Duration;

/**
 * Work a feature wants done once per interval in the whole cluster (a bean implementing this is picked up by
 * {@link Deadlines}): db-scheduler runs it on one instance, in a transaction of its own, the first time one interval
 * after the first start. One poll of db-scheduler's table finds it, so it adds nothing to an idle instance's queries.
 */
public interface RecurringWork {

    /** The db-scheduler task name: unique, and stable across releases (it names a row). */
    String name();

    Duration interval();

    void run();
}
