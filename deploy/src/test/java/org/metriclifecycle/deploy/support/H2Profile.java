package org.metriclifecycle.deploy.support;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The embedded default: H2 in a data directory of the test's own. */
public class H2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "metrics.db", "h2",
                "metrics.data-dir", "target/h2-test-" + UUID.randomUUID());
    }
}
