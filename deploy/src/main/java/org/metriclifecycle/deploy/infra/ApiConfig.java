package org.metriclifecycle.deploy.infra;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "metrics.api")
public interface ApiConfig {

    /** How long a write waits for the projections before it answers with {@code Projection-Pending: true}. */
    @WithDefault("PT5S")
    Duration readYourWritesTimeout();
}
