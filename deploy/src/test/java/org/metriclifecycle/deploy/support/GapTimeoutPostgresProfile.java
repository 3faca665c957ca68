package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service on a fresh PostgreSQL database with a transaction timeout of 5 s and the smallest gap timeout the
 * service accepts beside it (2 x 5 s, plus a second), so a test can hold a transaction open past both within seconds.
 */
public class GapTimeoutPostgresProfile implements QuarkusTestProfile {

    public static final long TRANSACTION_TIMEOUT_MILLIS = 5_000;
    public static final long GAP_TIMEOUT_MILLIS = 11_000;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of(
                "quarkus.transaction-manager.default-transaction-timeout", "PT5S",
                "metrics.processors.gap-timeout", "PT11S",
                "metrics.api.read-your-writes-timeout", "PT0.5S",
                "metrics.budget.default-core-limit", "100")));
    }
}
