package org.metriclifecycle.deploy.axon;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The durable deadlines' scheduler (db-scheduler), shared by every instance through the scheduled_tasks table. */
@ConfigMapping(prefix = "metrics.deadlines")
public interface DeadlinesConfig {

    /**
     * How often an instance marks the deadlines it is running as alive. A deadline that an instance had picked when
     * it died is picked again by another instance after four missed heartbeats; db-scheduler's own default is 5 min.
     */
    @WithDefault("PT10S")
    Duration heartbeatInterval();

    /**
     * How often an instance looks for deadlines that fell due (one query each time): how late at most a deadline
     * fires. Tasks due at once (the rotation fan-out) are looked for right after their commit instead.
     */
    @WithDefault("PT5S")
    Duration pollInterval();
}
