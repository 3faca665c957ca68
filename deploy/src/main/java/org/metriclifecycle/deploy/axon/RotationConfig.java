package org.metriclifecycle.deploy.axon;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rotation periods (SPEC "Rotation periods"): the shortest one a team may choose; tests and demos set it lower. */
@ConfigMapping(prefix = "metrics.rotation")
public interface RotationConfig {

    @WithDefault("PT1H")
    Duration minPeriod();
}
