package org.metriclifecycle.deploy.api;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.metriclifecycle.deploy.support.RebuildPostgresProfile;

/** The rebuild scenario on the embedded H2 default. */
@QuarkusTest
@TestProfile(ProjectionRebuildH2Test.H2SmallBatches.class)
class ProjectionRebuildH2Test extends ProjectionRebuildScenario {

    public static class H2SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(RebuildPostgresProfile.SMALL_BATCHES);
            config.put("metrics.db", "h2");
            config.put("metrics.data-dir", "target/h2-test-" + UUID.randomUUID());
            return config;
        }
    }
}
