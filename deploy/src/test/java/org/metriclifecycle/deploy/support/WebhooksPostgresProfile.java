package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service on a fresh PostgreSQL database with webhook timings of a test: retries after half a second and a
 * second, three attempts in all, a scan every half second, and windows short enough that a fresh metric's link
 * deadline (3 days) and a supported one's revalidation (5 days) fall within the 7-day lead time.
 */
public class WebhooksPostgresProfile implements QuarkusTestProfile {

    public static final int MAX_ATTEMPTS = 3;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of(
                "metrics.webhooks.poll-interval", "PT0.2S",
                "metrics.webhooks.scan-interval", "PT0.5S",
                "metrics.webhooks.backoff", "PT0.5S,PT1S",
                "metrics.webhooks.max-attempts", Integer.toString(MAX_ATTEMPTS),
                "metrics.webhooks.connect-timeout", "PT1S",
                "metrics.webhooks.request-timeout", "PT2S",
                "metrics.webhooks.lead-time", "P7D",
                "metrics.lifecycle.link-window", "P3D",
                "metrics.lifecycle.revalidation-interval", "P5D")));
    }
}
