package org.metriclifecycle.deploy.support;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The embedded default in a data directory of its own, which no other test class shares: so that its first test
 * sees a store with no checkpoint yet, and its directory holds only what the service made.
 */
public class AuditH2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "metrics.db", "h2",
                "metrics.data-dir", "target/h2-audit-" + UUID.randomUUID());
    }
}
