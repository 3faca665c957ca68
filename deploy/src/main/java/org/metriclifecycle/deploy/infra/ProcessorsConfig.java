package org.metriclifecycle.deploy.infra;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the replicas share the streaming processors' segments (README "Running several instances"). */
@ConfigMapping(prefix = "metrics.processors")
public interface ProcessorsConfig {

    /**
     * How long a segment claimed by an instance that stopped extending its claim (a crash, a SIGKILL, a network
     * partition) stays blocked before another instance takes it over. Also how long an instance counts as alive
     * after its last heartbeat. Shorter means faster takeover, but an instance stalled longer than this (a long GC
     * pause) loses its segments.
     */
    @WithDefault("PT10S")
    Duration claimTimeout();

    /**
     * Wake the processors of every instance through PostgreSQL LISTEN/NOTIFY when any instance commits events.
     * Turn it off only where LISTEN cannot work (a connection pooler in transaction mode): events committed by
     * another instance are then found by the processors' periodic check, within about a second.
     */
    @WithDefault("true")
    boolean listenNotify();
}
