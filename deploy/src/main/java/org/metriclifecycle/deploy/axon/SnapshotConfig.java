package org.metriclifecycle.deploy.axon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a stream is long enough to be worth a snapshot: every {@code threshold} events since the last one. */
@ConfigMapping(prefix = "metrics.snapshots")
public interface SnapshotConfig {

    @WithDefault("250")
    int threshold();
}
