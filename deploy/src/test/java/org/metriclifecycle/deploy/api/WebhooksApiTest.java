package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.webhooks.WebhookDeliveries;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.WebhookReceiver;
import org.metriclifecycle.deploy.support.WebhooksPostgresProfile;
import org.metriclifecycle.deploy.webhooks.NewDelivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue #6 item 5 end to end on PostgreSQL, against a local HTTP receiver: lena (lead of search) subscribes, the
 * service notifies, signs, retries and logs, and no command ever waits for a receiver.
 */
@QuarkusTest
@TestProfile(WebhooksPostgresProfile.class)
class WebhooksApiTest {

    private static final String TEAM = "search";
    private static final String WEBHOOKS = "/api/v1/teams/" + TEAM + "/webhooks";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> subscriptions = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    private WebhookReceiver receiver;
    private boolean rotationSet;

    @Inject
    WebhookDeliveries deliveries;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        // Every test proposes in search: room enough whatever ran before.
        Api.signInAs("ada");
        given().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", 100)).put("/api/v1/teams/search/budget")
                .then().statusCode(200);
        Api.signInAs("lena");
    }

    @AfterEach
    void cleanUp() {
        Api.signInAs("lena");
        for (String id : subscriptions) {
            given().delete(WEBHOOKS + "/" + id).then().statusCode(anyOf(equalTo(204), equalTo(404)));
        }
        if (rotationSet) {
            given().delete("/api/v1/teams/search/rotation").then().statusCode(204);
        }
        // Retired, so no later test hears about their deadlines.
        for (String metricId : metrics) {
            post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "test done"))
                    .statusCode(anyOf(equalTo(200), equalTo(409)));
        }
        receiver.close();
    }

    private ValidatableResponse subscribe(Map<String, Object> body) {
        ValidatableResponse response = given().contentType(ContentType.JSON).body(body).post(WEBHOOKS).then();
        String id = response.extract().path("subscriptionId");
        if (id != null) {
            subscriptions.add(id);
        }
        return response;
    }

    private Subscription subscribe(String url, String format, List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        if (format != null) {
            body.put("format", format);
        }
        if (events != null) {
            body.put("events", events);
        }
        ValidatableResponse created = subscribe(body).statusCode(201);
        return new Subscription(created.extract().path("subscriptionId"), created.extract().path("secret"));
    }

    private record Subscription(String id, String secret) {
    }

    private String proposeMetric() {
        String metricId = propose(TEAM, "lena");
        metrics.add(metricId);
        return metricId;
    }

    private static ValidatableResponse deprecate(String metricId) {
        return post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "replaced by a human rating"));
    }

    private ValidatableResponse log(String subscriptionId) {
        return given().get(WEBHOOKS + "/" + subscriptionId + "/deliveries").then().statusCode(200);
    }

    /** The newest entry of the subscription's log (asserted with AssertJ, so polling stays quiet). */
    private Map<String, Object> latest(String subscriptionId) {
        List<Map<String, Object>> items = log(subscriptionId).extract().path("items");
        assertThat(items).isNotEmpty();
        return items.get(0);
    }

    private JsonNode body(WebhookReceiver.Received request) {
        try {
            return json.readTree(request.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + request.text(), e);
        }
    }

    private List<WebhookReceiver.Received> about(String path, String kind, String metricId) {
        return receiver.received(path).stream()
                .filter(request -> kind.equals(request.header("X-Metrics-Event")))
                .filter(request -> metricId == null || metricId.equals(body(request).path("metricId").asText()))
                .toList();
    }

    @Test
    void aDeprecationAndARotationHandoffAreDeliveredSigned() {
        Subscription subscription = subscribe(receiver.url("/signed"), null,
                List.of("metric.deprecated", "rotation.handoff"));
        assertThat(subscription.secret()).matches("whsec_[A-Za-z0-9_-]{43}");
        String metricId = proposeMetric();

        deprecate(metricId).statusCode(200);

        Eventually.within(PATIENCE, () -> assertThat(about("/signed", "metric.deprecated", metricId)).hasSize(1));
        WebhookReceiver.Received deprecation = about("/signed", "metric.deprecated", metricId).get(0);
        assertThat(deprecation.signedWith(subscription.secret())).isTrue();
        assertThat(deprecation.signedWith("whsec_someone-else")).isFalse();
        JsonNode document = body(deprecation);
        assertThat(deprecation.header("X-Metrics-Delivery")).isEqualTo(document.get("deliveryId").asText());
        assertThat(Instant.parse(deprecation.header("X-Metrics-Timestamp"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(document.get("kind").asText()).isEqualTo("metric.deprecated");
        assertThat(document.get("team").asText()).isEqualTo(TEAM);
        assertThat(document.get("summary").asText()).isEqualTo("Metric \"hallucination rate on support answers\" of "
                + "team search was deprecated: replaced by a human rating");
        assertThat(document.get("data").get("reason").asText()).isEqualTo("replaced by a human rating");
        assertThat(document.get("occurredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        String active = proposeMetric();
        given().contentType(ContentType.JSON).body(Map.of("members", List.of("lena", "carl"), "period", "PT1H",
                        "startsAt", Instant.now().plusSeconds(1).toString()))
                .put("/api/v1/teams/search/rotation").then().statusCode(200);
        rotationSet = true;

        Eventually.within(PATIENCE, () -> assertThat(about("/signed", "rotation.handoff", null)).hasSize(1));
        WebhookReceiver.Received handoff = about("/signed", "rotation.handoff", null).get(0);
        assertThat(handoff.signedWith(subscription.secret())).isTrue();
        JsonNode handedOver = body(handoff);
        assertThat(handedOver.get("metricId").isNull()).isTrue();
        assertThat(handedOver.get("data").get("handoff").asLong()).isZero();
        assertThat(handedOver.get("data").get("assignments").findValuesAsText("metricId")).contains(active);
        Eventually.within(PATIENCE, () -> {
            List<Map<String, Object>> items = log(subscription.id()).extract().path("items");
            assertThat(items).extracting("kind", "status", "attempts", "lastStatusCode").containsExactly(
                    tuple("rotation.handoff", "DELIVERED", 1, 200),
                    tuple("metric.deprecated", "DELIVERED", 1, 200));
        });
    }

    @Test
    void aReceiverAnswering500TwiceIsRetriedWithBackoffUntilItTakesTheDelivery() {
        receiver.answer("/flaky", 500, 500);
        Subscription subscription = subscribe(receiver.url("/flaky"), "json", List.of("metric.deprecated"));
        String metricId = proposeMetric();

        deprecate(metricId).statusCode(200);

        Eventually.within(PATIENCE, () -> assertThat(latest(subscription.id()).get("status")).isEqualTo("DELIVERED"));
        Map<String, Object> entry = latest(subscription.id());
        assertThat(entry).containsEntry("attempts", 3).containsEntry("lastStatusCode", 200)
                .containsEntry("lastError", null).containsEntry("nextAttemptAt", null)
                .containsEntry("metricId", metricId).containsEntry("kind", "metric.deprecated");
        assertThat(entry.get("deliveredAt")).isNotNull();
        assertThat(entry.get("createdAt")).isNotNull();
        List<WebhookReceiver.Received> attempts = receiver.received("/flaky");
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(request -> request.header("X-Metrics-Delivery")).containsOnly(
                attempts.get(0).header("X-Metrics-Delivery"));
        assertThat(attempts).allSatisfy(request -> assertThat(request.signedWith(subscription.secret())).isTrue());
        // Backoff PT0.5S then PT1S (the profile's): each retry waits at least its step.
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void unreachableAndSilentReceiversEndFailedWithoutFailingOrSlowingTheCommand() throws Exception {
        receiver.hang("/silent", Duration.ofSeconds(10));
        Subscription unreachable = subscribe(WebhookReceiver.unreachableUrl(), null, List.of("metric.deprecated"));
        Subscription silent = subscribe(receiver.url("/silent"), null, List.of("metric.deprecated"));
        String metricId = proposeMetric();

        long started = System.nanoTime();
        deprecate(metricId).statusCode(200);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // A receiver that never answers holds a delivery for the 2-second request timeout; the command never waits.
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        Api.view(metricId).body("status", equalTo("DEPRECATED"));
        Eventually.within(PATIENCE, () -> assertThat(latest(unreachable.id()).get("status")).isEqualTo("FAILED"));
        assertThat(latest(unreachable.id())).containsEntry("attempts", WebhooksPostgresProfile.MAX_ATTEMPTS)
                .containsEntry("lastStatusCode", null).containsEntry("nextAttemptAt", null);
        assertThat((String) latest(unreachable.id()).get("lastError")).startsWith("ConnectException");
        Eventually.within(PATIENCE, () -> assertThat(latest(silent.id()).get("status")).isEqualTo("FAILED"));
        assertThat(latest(silent.id())).containsEntry("attempts", WebhooksPostgresProfile.MAX_ATTEMPTS);
        assertThat((String) latest(silent.id()).get("lastError")).startsWith("HttpTimeoutException");
        assertThat(receiver.received("/silent")).hasSize(WebhooksPostgresProfile.MAX_ATTEMPTS);
    }

    @Test
    void aSlackSubscriptionGetsATextMessage() {
        Subscription subscription = subscribe(receiver.url("/slack"), "slack", List.of("metric.deprecated"));
        String metricId = proposeMetric();

        deprecate(metricId).statusCode(200);

        Eventually.within(PATIENCE, () -> assertThat(receiver.received("/slack")).hasSize(1));
        WebhookReceiver.Received message = receiver.received("/slack").get(0);
        JsonNode document = body(message);
        assertThat(document.size()).isEqualTo(1);
        assertThat(document.get("text").asText()).isEqualTo("Metric \"hallucination rate on support answers\" of team "
                + "search was deprecated: replaced by a human rating");
        assertThat(message.header("X-Metrics-Event")).isEqualTo("metric.deprecated");
        assertThat(message.signedWith(subscription.secret())).isTrue();
    }

    @Test
    void aLinkDeadlineAndARevalidationWithinTheLeadTimeAreEachAnnouncedExactlyOnce() throws Exception {
        Subscription subscription = subscribe(receiver.url("/due"), null,
                List.of("metric.link_deadline_due", "metric.revalidation_due"));
        String metricId = proposeMetric();

        // The profile's link window is 3 days, within the 7-day lead time.
        Eventually.within(PATIENCE, () -> assertThat(about("/due", "metric.link_deadline_due", metricId)).hasSize(1));
        JsonNode linkNotice = body(about("/due", "metric.link_deadline_due", metricId).get(0));
        assertThat(linkNotice.get("summary").asText()).contains("needs a supported hypothesis by")
                .contains("(in 2 days)");
        assertThat(linkNotice.get("data").get("status").asText()).isEqualTo("PROPOSED");

        String hypothesisId = Api.link(metricId, "POSITIVE", 0.5, 10);
        assertThat(Api.correlate(metricId, hypothesisId, 0.9, 100)).isEqualTo("SUPPORTED");
        // Supported: revalidation due in 5 days (the profile's interval), also within the lead time.
        Eventually.within(PATIENCE, () -> assertThat(about("/due", "metric.revalidation_due", metricId)).hasSize(1));

        // Several more scans (every half second) find the same due dates: nothing more is sent.
        Thread.sleep(2_000);
        assertThat(about("/due", "metric.link_deadline_due", metricId)).hasSize(1);
        assertThat(about("/due", "metric.revalidation_due", metricId)).hasSize(1);
        List<String> kinds = log(subscription.id()).extract().path("items.findAll { it.metricId == '" + metricId
                + "' }.kind");
        assertThat(kinds).containsExactlyInAnyOrder("metric.link_deadline_due", "metric.revalidation_due");
    }

    @Test
    void onlyALeadOfTheTeamOrAnAdminManagesItsWebhooks() {
        Subscription subscription = subscribe(receiver.url("/own"), null, null);
        for (String user : List.of("carl", "pipe", "vera")) {
            Api.signInAs(user);
            given().contentType(ContentType.JSON).body(Map.of("url", receiver.url("/x"))).post(WEBHOOKS).then()
                    .statusCode(403).contentType("application/problem+json");
            given().get(WEBHOOKS).then().statusCode(403);
            given().get(WEBHOOKS + "/" + subscription.id() + "/deliveries").then().statusCode(403);
            given().delete(WEBHOOKS + "/" + subscription.id()).then().statusCode(403);
        }
        Api.signInAs("lena");
        given().contentType(ContentType.JSON).body(Map.of("url", receiver.url("/x"))).post("/api/v1/teams/ads/webhooks")
                .then().statusCode(403);
        given().get(WEBHOOKS).then().statusCode(200).body("items.subscriptionId", contains(
                subscription.id()));
        Api.signInAs("ada");
        given().get(WEBHOOKS).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void invalidSubscriptionsAre400AndStoreNothing() {
        Map<String, Map<String, Object>> invalid = new LinkedHashMap<>();
        invalid.put("url", Map.of("url", "ftp://hooks.example.com/x"));
        invalid.put("url ", Map.of("url", "not a url"));
        invalid.put("url  ", Map.of("url", "https://lena:secret@hooks.example.com/x"));
        invalid.put("url   ", Map.of("url", "hooks.example.com/x"));
        invalid.put("url    ", Map.of("url", " "));
        invalid.put("url     ", Map.of("format", "json"));
        invalid.put("format", Map.of("url", "https://hooks.example.com/x", "format", "xml"));
        invalid.put("events", Map.of("url", "https://hooks.example.com/x", "events", List.of("metric.proposed")));
        invalid.put("events ", Map.of("url", "https://hooks.example.com/x", "events", List.of()));
        invalid.put("secret", Map.of("url", "https://hooks.example.com/x", "secret", "chosen-by-me"));
        for (Map.Entry<String, Map<String, Object>> entry : invalid.entrySet()) {
            subscribe(entry.getValue()).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(entry.getKey().strip()));
        }
        given().contentType(ContentType.TEXT).body("url=x").post(WEBHOOKS).then().statusCode(415);
        Api.signInAs("ada");
        post("/api/v1/teams/Not_A_Slug/webhooks", Map.of("url", "https://hooks.example.com/x")).statusCode(400)
                .body("errors.field", hasItem("team"));
        Api.signInAs("lena");
        given().get(WEBHOOKS).then().statusCode(200).body("items", empty());
        given().get(WEBHOOKS + "/" + UUID.randomUUID() + "/deliveries?size=500").then().statusCode(400);
    }

    @Test
    void theListShowsSubscriptionsButNeverTheirSecretsWhichNeverReachTheAuditTrail() throws Exception {
        Subscription subscription = subscribe(receiver.url("/listed"), null, null);
        String fingerprint = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(subscription.secret().getBytes(StandardCharsets.UTF_8)));

        String listing = given().get(WEBHOOKS).then().statusCode(200)
                .body("team", equalTo(TEAM))
                .body("items[0].subscriptionId", equalTo(subscription.id()))
                .body("items[0].url", equalTo(receiver.url("/listed")))
                .body("items[0].format", equalTo("json"))
                .body("items[0].events", contains("metric.deprecated", "metric.deprioritized",
                        "metric.link_deadline_due", "metric.revalidation_due", "rotation.handoff",
                        "shadow_check.concluded", "shadow_check.expired"))
                .body("items[0].secretFingerprint", equalTo(fingerprint))
                .body("items[0].subscribedBy", equalTo("lena"))
                .body("items[0]", not(hasKey("secret")))
                .extract().asString();
        assertThat(listing).doesNotContain(subscription.secret());
        try (Connection owner = OwnerConnection.open();
             PreparedStatement select = owner.prepareStatement(
                     "SELECT payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = 'team:search'")) {
            StringBuilder stream = new StringBuilder();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stream.append(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                    byte[] metadata = rows.getBytes(2);
                    stream.append(metadata == null ? "" : new String(metadata, StandardCharsets.UTF_8));
                }
            }
            assertThat(stream.toString()).contains(fingerprint).doesNotContain(subscription.secret());
        }

        given().delete(WEBHOOKS + "/" + subscription.id()).then().statusCode(204);
        given().get(WEBHOOKS).then().body("items", empty());
        given().delete(WEBHOOKS + "/" + subscription.id()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get(WEBHOOKS + "/" + subscription.id() + "/deliveries").then().statusCode(404);
        try (Connection owner = OwnerConnection.open();
             PreparedStatement select = owner.prepareStatement(
                     "SELECT count(*) FROM webhook_secret WHERE subscription_id = ?")) {
            select.setString(1, subscription.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).as("the secret went with its subscription").isZero();
            }
        }
    }

    @Test
    void aTeamHasAtMostTwentySubscriptions() {
        Api.signInAs("ada");
        String team = Api.freshTeam();
        for (int i = 0; i < 20; i++) {
            post("/api/v1/teams/" + team + "/webhooks", Map.of("url", "https://hooks.example.com/" + i,
                    "events", List.of("rotation.handoff"))).statusCode(201);
        }
        post("/api/v1/teams/" + team + "/webhooks", Map.of("url", "https://hooks.example.com/21")).statusCode(409)
                .body("detail", equalTo("team " + team + " already has 20 webhook subscriptions; remove one first"));
        given().get("/api/v1/teams/" + team + "/webhooks").then().body("items", hasSize(20));
    }

    @Test
    void theEndpointsAreDocumentedAndThePendingDeliveriesMeasured() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/teams/{team}/webhooks"))
                .body("paths", hasKey("/api/v1/teams/{team}/webhooks/{subscriptionId}"))
                .body("paths", hasKey("/api/v1/teams/{team}/webhooks/{subscriptionId}/deliveries"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("metric_lifecycle_webhooks_pending"));
    }

    @Test
    void theSameNotificationIsQueuedOncePerSubscription() {
        String subscriptionId = "s-" + UUID.randomUUID();
        NewDelivery first = new NewDelivery(UUID.randomUUID().toString(), subscriptionId, TEAM, "metric.deprecated",
                "event:" + UUID.randomUUID(), null, "https://hooks.example.com/x", "{}", Instant.now());
        NewDelivery again = new NewDelivery(UUID.randomUUID().toString(), subscriptionId, TEAM, first.kind(),
                first.dedupKey(), null, first.url(), "{}", Instant.now());

        assertThat(deliveries.enqueue(first)).isTrue();
        assertThat(deliveries.enqueue(again)).isFalse();
        assertThat(deliveries.log(TEAM, subscriptionId, 0, 10).total()).isEqualTo(1);
    }
}
