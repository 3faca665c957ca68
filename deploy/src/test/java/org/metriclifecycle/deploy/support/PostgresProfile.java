package org.metriclifecycle.deploy.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on a fresh PostgreSQL database with production windows. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class));
    }
}
