package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** PostgreSQL with a low snapshot threshold, so a test can watch snapshots being taken and used. */
public class SnapshotPostgresProfile implements QuarkusTestProfile {

    public static final int THRESHOLD = 100;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class,
                Map.of("metrics.snapshots.threshold", Integer.toString(THRESHOLD))));
    }
}
