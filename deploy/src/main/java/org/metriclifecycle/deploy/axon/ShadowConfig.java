package org.metriclifecycle.deploy.axon;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Shadow checks (the eval's track record): how briefly a check may observe its outcome. */
@ConfigMapping(prefix = "metrics.shadow")
public interface ShadowConfig {

    /** The shortest {@code observeFor} a shadow check may ask for; tests and demos lower it. */
    @WithDefault("PT1H")
    Duration minObserve();
}
