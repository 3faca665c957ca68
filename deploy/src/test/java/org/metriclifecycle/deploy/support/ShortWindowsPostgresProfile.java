package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on a fresh PostgreSQL database with windows of seconds, to watch the deadlines fire. */
public class ShortWindowsPostgresProfile implements QuarkusTestProfile {

    public static final String LINK_WINDOW = "PT6S";
    public static final String REVALIDATION_INTERVAL = "PT4S";
    public static final String SHADOW_MIN_OBSERVE = "PT1S";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of(
                "metrics.lifecycle.link-window", LINK_WINDOW,
                "metrics.lifecycle.revalidation-interval", REVALIDATION_INTERVAL,
                "metrics.shadow.min-observe", SHADOW_MIN_OBSERVE)));
    }
}
