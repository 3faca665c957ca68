package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;
import static org.metriclifecycle.deploy.support.Api.view;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** SPEC "Shadow checks" over HTTP on PostgreSQL (the expiry deadline is in DeadlinesFireTest, with short windows). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ShadowCheckApiTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static Map<String, Object> check(String hypothesisId, double evalDelta, String observeFor) {
        Map<String, Object> body = new HashMap<>();
        body.put("change", "retrieval prompt v2");
        body.put("evalDelta", evalDelta);
        body.put("hypothesisId", hypothesisId);
        if (observeFor != null) {
            body.put("observeFor", observeFor);
        }
        return body;
    }

    private static String open(String metricId, String hypothesisId, double evalDelta) {
        return post("/api/v1/metrics/" + metricId + "/shadow-checks", check(hypothesisId, evalDelta, null))
                .statusCode(201).extract().path("checkId");
    }

    private static io.restassured.response.ValidatableResponse conclude(String metricId, String checkId,
                                                                        double outcomeDelta) {
        return post("/api/v1/metrics/" + metricId + "/shadow-checks/" + checkId + "/outcome",
                Map.of("outcomeDelta", outcomeDelta, "sampleSize", 4000, "note", "week one"));
    }

    @Test
    void opensConcludesListsAndCountsTheTrackRecord() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "NEGATIVE", 0.5, 10);
        view(metricId).body("trackRecord.open", equalTo(0)).body("trackRecord.falsePositiveRate", nullValue())
                .body("trackRecord.lastConfirmedAt", nullValue());

        Instant before = Instant.now();
        String first = post("/api/v1/metrics/" + metricId + "/shadow-checks", check(hypothesisId, 0.04, null))
                .statusCode(201).extract().path("checkId");
        String observeUntil = given().get("/api/v1/metrics/" + metricId + "/shadow-checks").then().statusCode(200)
                .extract().path("items[0].observeUntil");
        // Observed for PT72H by default.
        assertThat(Duration.between(before, Instant.parse(observeUntil))).isBetween(Duration.ofHours(72),
                Duration.ofHours(72).plusMinutes(1));
        String second = open(metricId, hypothesisId, 0.02);
        String third = open(metricId, hypothesisId, -0.03);

        // NEGATIVE: a higher eval should go with a lower outcome.
        conclude(metricId, first, -0.01).statusCode(200).body("result", equalTo("CONFIRMED"));
        conclude(metricId, second, 0.01).statusCode(200).body("result", equalTo("DIVERGED"));
        conclude(metricId, second, -0.01).statusCode(409).contentType("application/problem+json");
        conclude(metricId, "no-such-check", 0.01).statusCode(404);

        given().get("/api/v1/metrics/" + metricId + "/shadow-checks").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.checkId", equalTo(List.of(first, second, third)))
                .body("items.state", equalTo(List.of("CONFIRMED", "DIVERGED", "OPEN")))
                .body("items[0].result", equalTo("CONFIRMED"))
                .body("items[1].outcomeDelta", equalTo(0.01f))
                .body("items[2].result", nullValue())
                .body("items[2].change", equalTo("retrieval prompt v2"))
                .body("items[2].evalDelta", equalTo(-0.03f))
                .body("items[2].hypothesisId", equalTo(hypothesisId));
        view(metricId).body("trackRecord.open", equalTo(1))
                .body("trackRecord.confirmed", equalTo(1))
                .body("trackRecord.diverged", equalTo(1))
                .body("trackRecord.expired", equalTo(0))
                .body("trackRecord.falsePositiveRate", equalTo(0.5f))
                .body("trackRecord.lastConfirmedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void invalidChecksAreRefusedAndNothingIsStored() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        String path = "/api/v1/metrics/" + metricId + "/shadow-checks";
        for (Object[] bad : List.of(new Object[] {"observeFor", "PT59M"}, new Object[] {"observeFor", "P31D"},
                new Object[] {"observeFor", "three days"}, new Object[] {"observeFor", 3600},
                new Object[] {"evalDelta", 0}, new Object[] {"evalDelta", "0.1"}, new Object[] {"change", " "},
                new Object[] {"change", "x".repeat(201)})) {
            Map<String, Object> body = check(hypothesisId, 0.04, null);
            body.put((String) bad[0], bad[1]);
            post(path, body).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(bad[0]));
        }
        post(path, check("no-such-hypothesis", 0.04, null)).statusCode(404);
        post(path, check(hypothesisId, 0.04, "PT1H")).statusCode(201);
        post(path, check(hypothesisId, 0.04, "P30D")).statusCode(201);
        String checkId = open(metricId, hypothesisId, 0.04);
        post(path + "/" + checkId + "/outcome", Map.of("outcomeDelta", "0.1")).statusCode(400);
        post(path + "/" + checkId + "/outcome", Map.of("sampleSize", 10)).statusCode(400);
        given().get(path).then().body("items", hasSize(3)).body("items.state", equalTo(List.of("OPEN", "OPEN",
                "OPEN")));
        given().get("/api/v1/metrics/no-such-metric/shadow-checks").then().statusCode(404);
    }

    @Test
    void aDeprecatedMetricRefusesShadowChecks() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        String checkId = open(metricId, hypothesisId, 0.04);
        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "gone")).statusCode(200);
        post("/api/v1/metrics/" + metricId + "/shadow-checks", check(hypothesisId, 0.04, null)).statusCode(409);
        conclude(metricId, checkId, 0.01).statusCode(409);
    }
}
