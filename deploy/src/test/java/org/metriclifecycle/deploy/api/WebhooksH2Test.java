package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.deploy.support.Api.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.webhooks.WebhookDeliveries;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.H2Profile;
import org.metriclifecycle.deploy.support.WebhookReceiver;
import org.metriclifecycle.deploy.webhooks.NewDelivery;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Webhooks on the embedded H2 default, whose outbox refuses duplicates by its unique key instead of ON CONFLICT. */
@QuarkusTest
@TestProfile(H2Profile.class)
class WebhooksH2Test {

    @Inject
    WebhookDeliveries deliveries;

    @Test
    void aDeprecationIsDeliveredSignedOnH2() throws Exception {
        Api.signInAs("ada");
        String team = Api.freshTeam();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = post("/api/v1/teams/" + team + "/webhooks", Map.of("url", receiver.url("/h2"),
                    "events", List.of("metric.deprecated"))).statusCode(201).extract().path("secret");
            String metricId = Api.propose(team, "ada");

            post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "obsolete")).statusCode(200);

            // Sent as the outbox commits, not at the next poll (the profile keeps the default 2-second interval).
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(receiver.received("/h2")).hasSize(1));
            assertThat(receiver.received("/h2").get(0).signedWith(secret)).isTrue();
            String subscriptionId = given().get("/api/v1/teams/" + team + "/webhooks").then()
                    .extract().path("items[0].subscriptionId");
            Eventually.within(Duration.ofSeconds(10), () -> assertThat((String) given()
                    .get("/api/v1/teams/" + team + "/webhooks/" + subscriptionId + "/deliveries").then()
                    .extract().path("items[0].status")).isEqualTo("DELIVERED"));
        }
    }

    @Test
    void theSameNotificationIsQueuedOncePerSubscriptionOnH2() {
        String subscriptionId = "s-" + UUID.randomUUID();
        String dedupKey = "event:" + UUID.randomUUID();

        assertThat(deliveries.enqueue(new NewDelivery(UUID.randomUUID().toString(), subscriptionId, "search",
                "metric.deprecated", dedupKey, null, "https://hooks.example.com/x", "{}", Instant.now()))).isTrue();
        assertThat(deliveries.enqueue(new NewDelivery(UUID.randomUUID().toString(), subscriptionId, "search",
                "metric.deprecated", dedupKey, null, "https://hooks.example.com/x", "{}", Instant.now()))).isFalse();
        assertThat(deliveries.log("search", subscriptionId, 0, 10).total()).isEqualTo(1);
    }
}
