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

    /**
     * How long a processor keeps waiting for a missing global index (a "gap": an event whose transaction took its
     * index but had not committed when later events were read). Past this, Axon drops the gap and would never
     * project that event if its transaction committed after all (Axon issues #2958, #4829). Every transaction of the
     * service is rolled back once it is older than {@code quarkus.transaction-manager.default-transaction-timeout},
     * so a gap older than twice that (one lifetime for the late transaction, one for the transaction whose events
     * were read past it) can only be a rollback; the service refuses to start with a gap timeout shorter than that.
     * What remains of the margin covers clock differences between instances. Longer costs only a larger token
     * while aborted transactions' gaps wait to expire.
     */
    @WithDefault("PT5M")
    Duration gapTimeout();

    /**
     * How many later events a gap is kept across. Axon's default (10,000) would drop a gap during a burst of more
     * events than that within one transaction timeout; a gap costs one entry in the token, so the window is wide.
     */
    @WithDefault("1000000")
    int maxGapOffset();
}
