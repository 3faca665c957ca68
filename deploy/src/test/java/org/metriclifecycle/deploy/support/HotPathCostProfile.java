package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * PostgreSQL, with a Hibernate mapping of {@code idempotency_key} added to the persistence unit (and so validated
 * against the Flyway schema), for {@code HotPathStoresCostTest}.
 */
public class HotPathCostProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.hibernate-orm.postgresql.packages", "org.metriclifecycle.query.metric.jpa,"
                + "org.metriclifecycle.query.team.jpa,org.metriclifecycle.query.webhook.jpa,"
                + "org.metriclifecycle.deploy.audit,org.metriclifecycle.deploy.webhooks,"
                + "org.metriclifecycle.deploy.stores.cost");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class));
    }
}
