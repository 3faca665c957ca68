package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * {@code Idempotency-Key} on every write: a retried request returns the first answer (same status, body and
 * Location, marked {@code Idempotent-Replayed}) and stores nothing twice, even when the retries race each other; the
 * same key for another request is refused with 422; a refused request stores nothing, so it can be fixed and retried.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class IdempotencyKeyTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void everyPostAnsweredOnceIsReplayedAndNothingIsStoredTwice() {
        String team = Api.freshTeam();
        String metricId = onceAndAgain("/api/v1/metrics", Api.metric(team, "ada"), 201).path("metricId");
        String hypothesisId = onceAndAgain("/api/v1/metrics/" + metricId + "/hypotheses",
                Api.hypothesis("POSITIVE", 0.5, 100), 201).path("hypothesisId");
        onceAndAgain("/api/v1/metrics/" + metricId + "/correlations", Api.correlation(hypothesisId, 0.8, 500), 201);
        onceAndAgain("/api/v1/metrics/" + metricId + "/revisions", Map.of("version", "1.1", "changeNote", "rubric"),
                201);
        onceAndAgain("/api/v1/metrics/" + metricId + "/blind-spots",
                Map.of("failureMode", "rude tone", "description", "not caught"), 201);
        given().contentType(ContentType.JSON).body(Map.of("members", List.of("lena", "carl"), "period", "PT1H",
                "startsAt", Instant.now().plus(Duration.ofHours(1)).toString()))
                .put("/api/v1/teams/" + team + "/rotation").then().statusCode(200);
        onceAndAgain("/api/v1/teams/" + team + "/rotation/overrides", Map.of("member", "carl", "replacement", "vera",
                "from", Instant.now().toString(), "to", Instant.now().plus(Duration.ofDays(1)).toString()), 201);
        onceAndAgain("/api/v1/teams/" + team + "/webhooks", Map.of("url", "https://hooks.example.com/metrics"), 201);
        onceAndAgain("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "superseded"), 200);

        List<Map<String, Object>> history = given().get("/api/v1/metrics/" + metricId + "/history").then()
                .statusCode(200).extract().path("");
        assertThat(history).extracting(entry -> entry.get("type")).containsExactly("MetricProposed",
                "HypothesisLinked", "CorrelationRecorded", "MetricDefinitionRevised", "BlindSpotRecorded",
                "MetricDeprecated");
        given().get("/api/v1/teams/" + team + "/rotation").then().body("overrides", hasSize(1));
        given().get("/api/v1/teams/" + team + "/webhooks").then().body("items", hasSize(1));
        assertThat(Api.total("?team=" + team)).isEqualTo(1);
    }

    @Test
    void putsAndDeletesReplayTheirFirstAnswerToo() {
        String team = Api.freshTeam();
        String metricId = Api.propose(team, "ada");
        String key = UUID.randomUUID().toString();
        for (String replayed : new String[] {null, "true"}) {
            keyed(key, Map.of("owner", "lena", "reason", "handover")).put("/api/v1/metrics/" + metricId + "/owner")
                    .then().statusCode(200).header(IdempotentWrites.REPLAYED_HEADER, replayed);
        }
        given().contentType(ContentType.JSON).body(Map.of("members", List.of("lena", "carl"), "period", "PT1H",
                "startsAt", Instant.now().plus(Duration.ofHours(1)).toString()))
                .put("/api/v1/teams/" + team + "/rotation").then().statusCode(200);
        String stop = UUID.randomUUID().toString();
        for (String replayed : new String[] {null, "true"}) {
            given().header(IdempotentWrites.KEY_HEADER, stop).delete("/api/v1/teams/" + team + "/rotation").then()
                    .statusCode(204).header(IdempotentWrites.REPLAYED_HEADER, replayed);
        }
        List<Map<String, Object>> history = given().get("/api/v1/metrics/" + metricId + "/history").then()
                .extract().path("");
        assertThat(history).filteredOn(entry -> "OwnerChanged".equals(entry.get("type"))).hasSize(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedWith422AndChangesNothing() {
        String team = Api.freshTeam();
        String key = UUID.randomUUID().toString();
        keyed(key, Api.metric(team, "ada")).post("/api/v1/metrics").then().statusCode(201);

        keyed(key, Api.metric(team, "someone else")).post("/api/v1/metrics").then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:metric-lifecycle:problem:idempotency-key-reused"));
        assertThat(Api.total("?team=" + team)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestStoresNothingSoItCanBeFixedAndRetriedWithItsKey() {
        String team = Api.freshTeam();
        String key = UUID.randomUUID().toString();
        keyed(key, Map.of("name", "", "team", team, "owner", "ada")).post("/api/v1/metrics").then().statusCode(400);
        assertThat(Api.total("?team=" + team)).isZero();

        keyed(key, Api.metric(team, "ada")).post("/api/v1/metrics").then().statusCode(201);
        keyed(key, Api.metric(team, "ada")).post("/api/v1/metrics").then().statusCode(201)
                .header(IdempotentWrites.REPLAYED_HEADER, "true");
        assertThat(Api.total("?team=" + team)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        String metricId = Api.propose("search", "lena");
        String key = UUID.randomUUID().toString();
        keyed(key, Map.of("failureMode", "ada's", "description", "x")).post("/api/v1/metrics/" + metricId
                + "/blind-spots").then().statusCode(201).header(IdempotentWrites.REPLAYED_HEADER, (String) null);
        given().auth().preemptive().basic("lena", "lena").header(IdempotentWrites.KEY_HEADER, key)
                .contentType(ContentType.JSON).body(Map.of("failureMode", "lena's", "description", "x"))
                .post("/api/v1/metrics/" + metricId + "/blind-spots").then().statusCode(201)
                .header(IdempotentWrites.REPLAYED_HEADER, (String) null);

        List<Map<String, Object>> history = given().get("/api/v1/metrics/" + metricId + "/history").then()
                .extract().path("");
        assertThat(history).filteredOn(entry -> "BlindSpotRecorded".equals(entry.get("type"))).hasSize(2);
    }

    @Test
    void retriesRacingEachOtherStoreTheWriteOnceAndAllGetItsAnswer() throws Exception {
        String metricId = Api.propose(Api.freshTeam(), "ada");
        String hypothesisId = Api.link(metricId, "POSITIVE", 0.5, 100);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.correlation(hypothesisId, 0.9, 1_000);

        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            answers.add(pool.submit((Callable<ExtractableResponse<Response>>) () -> {
                start.await();
                return given().auth().preemptive().basic("ada", "ada").header(IdempotentWrites.KEY_HEADER, key)
                        .contentType(ContentType.JSON).body(body)
                        .post("/api/v1/metrics/" + metricId + "/correlations").then().extract();
            }));
        }
        start.countDown();
        List<String> correlationIds = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            ExtractableResponse<Response> response = answer.get();
            assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(201);
            correlationIds.add(response.path("correlationId"));
        }
        pool.shutdown();

        assertThat(correlationIds).containsOnly(correlationIds.get(0));
        List<Map<String, Object>> history = given().get("/api/v1/metrics/" + metricId + "/history").then()
                .extract().path("");
        assertThat(history).filteredOn(entry -> "CorrelationRecorded".equals(entry.get("type"))).hasSize(1);
        Api.view(metricId).body("hypotheses[0].latestCorrelation.correlationId", equalTo(correlationIds.get(0)));
    }

    @Test
    void aMalformedKeyIsRefusedWith400() {
        String team = Api.freshTeam();
        for (String key : List.of("", "with space", "x".repeat(256), "caf\u00e9")) {
            keyed(key, Api.metric(team, "ada")).post("/api/v1/metrics").then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo(IdempotentWrites.KEY_HEADER));
        }
        assertThat(Api.total("?team=" + team)).isZero();
        // RFC 8941 string form, as the IETF draft writes it.
        keyed("\"" + UUID.randomUUID() + "\"", Api.metric(team, "ada")).post("/api/v1/metrics").then()
                .statusCode(201);
    }

    /** Sends the write twice with one key; both answers must be the same, the second marked as replayed. */
    private static ExtractableResponse<Response> onceAndAgain(String path, Object body, int status) {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = keyed(key, body).post(path).then().statusCode(status)
                .header(IdempotentWrites.REPLAYED_HEADER, (String) null).extract();
        ExtractableResponse<Response> again = keyed(key, body).post(path).then().statusCode(status)
                .header(IdempotentWrites.REPLAYED_HEADER, "true").extract();
        assertThat(again.body().asString()).as(path).isEqualTo(first.body().asString());
        assertThat(again.header("Location")).as(path).isEqualTo(first.header("Location"));
        return first;
    }

    private static io.restassured.specification.RequestSpecification keyed(String key, Object body) {
        return given().header(IdempotentWrites.KEY_HEADER, key).contentType(ContentType.JSON).body(body);
    }
}
