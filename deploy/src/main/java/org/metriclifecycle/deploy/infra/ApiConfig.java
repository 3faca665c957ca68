package org.metriclifecycle.deploy.infra;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "metrics.api")
public interface ApiConfig {

    /**
     * How long the first answer to a write sent with an {@code Idempotency-Key} is kept: a retry with the same key
     * within this time gets that answer back; afterwards the key counts as unused.
     */
    @WithDefault("P1D")
    Duration idempotencyRetention();
}
