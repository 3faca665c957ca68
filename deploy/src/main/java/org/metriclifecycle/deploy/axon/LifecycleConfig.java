package org.metriclifecycle.deploy.axon;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The lifecycle windows (SPEC "Lifecycle"); ISO-8601 durations, so a demo or a test can use seconds. */
@ConfigMapping(prefix = "metrics.lifecycle")
public interface LifecycleConfig {

    /** How long a proposed metric has to earn a supported hypothesis before it is deprioritized. */
    @WithDefault("P42D")
    Duration linkWindow();

    /** How long a supporting correlation keeps a metric validated. */
    @WithDefault("P90D")
    Duration revalidationInterval();
}
