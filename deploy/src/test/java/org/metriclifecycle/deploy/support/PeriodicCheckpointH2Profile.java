package org.metriclifecycle.deploy.support;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The embedded default with a checkpoint every second. */
public class PeriodicCheckpointH2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "metrics.db", "h2",
                "metrics.data-dir", "target/h2-periodic-" + UUID.randomUUID(),
                "metrics.audit.checkpoint-interval", "PT1S");
    }
}
