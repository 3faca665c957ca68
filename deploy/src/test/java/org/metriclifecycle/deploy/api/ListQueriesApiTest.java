package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.metric;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;
import static org.metriclifecycle.deploy.support.Api.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The list's search and its refusals, {@code asOf} with a bare date, and a successor's {@code replaces}. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ListQueriesApiTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static String proposeNamed(String team, String name, String description) {
        Map<String, Object> body = metric(team, "lena");
        body.put("name", name);
        body.put("description", description);
        return post("/api/v1/metrics", body).statusCode(201).extract().path("metricId");
    }

    @Test
    void qMatchesAWordOrPhraseInNameOrDescriptionIgnoringCase() {
        String team = freshTeam();
        String grounded = proposeNamed(team, "Groundedness of answers", "share of claims backed by a cited source");
        String latency = proposeNamed(team, "p95 latency", "time to the first token, 100% of sessions");
        proposeNamed(team, "refusal rate", "answers that decline");

        given().get("/api/v1/metrics?team=" + team + "&q=GROUNDED").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].metricId", equalTo(grounded));
        given().get("/api/v1/metrics?team=" + team + "&q=cited source").then()
                .body("total", equalTo(1)).body("items[0].metricId", equalTo(grounded));
        // A phrase never matches across name and description, and LIKE's wildcards are taken literally.
        given().get("/api/v1/metrics?team=" + team + "&q=answers share").then().body("total", equalTo(0));
        given().get("/api/v1/metrics?team=" + team + "&q=100%").then()
                .body("total", equalTo(1)).body("items[0].metricId", equalTo(latency));
        given().get("/api/v1/metrics?team=" + team + "&q=_").then().body("total", equalTo(0));
        given().get("/api/v1/metrics?team=" + team + "&q=answers").then().body("total", equalTo(2));
    }

    @Test
    void anyOtherParameterOrValueIsRefused() {
        for (String bad : List.of("name=groundedness", "teams=search", "team=search&team=ranking", "team=Search",
                "q=" + "x".repeat(201), "asOf=2026-01-01")) {
            given().get("/api/v1/metrics?" + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/metrics?teams=search").then().body("errors.field", hasItem("teams"));
        String metricId = propose(freshTeam(), "lena");
        given().get("/api/v1/metrics/" + metricId + "?as_of=2026-01-01").then().statusCode(400)
                .body("errors.field", hasItem("as_of"));
        given().get("/api/v1/metrics/" + metricId + "/correlations?hypothesis=h").then().statusCode(400);
    }

    @Test
    void aBareDateMeansTheEndOfThatDayInUtc() {
        String metricId = propose(freshTeam(), "lena");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        given().get("/api/v1/metrics/" + metricId + "?asOf=" + today).then().statusCode(200)
                .body("metricId", equalTo(metricId));
        given().get("/api/v1/metrics/" + metricId + "?asOf=" + today.minusDays(1)).then().statusCode(404);
        given().get("/api/v1/metrics/" + metricId + "?asOf=2026-02-30").then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
    }

    @Test
    void aSuccessorShowsWhatItReplaced() {
        String team = freshTeam();
        String old = propose(team, "lena");
        String older = propose(team, "lena");
        String successor = propose(team, "lena");
        view(successor).body("replaces", hasSize(0));

        post("/api/v1/metrics/" + old + "/deprecation", Map.of("reason", "superseded", "replacedBy", successor))
                .statusCode(200);
        Instant between = Instant.now();
        post("/api/v1/metrics/" + older + "/deprecation", Map.of("reason", "superseded", "replacedBy", successor))
                .statusCode(200);

        view(successor).body("replaces", equalTo(List.of(old, older)));
        view(old).body("replacedBy", equalTo(successor)).body("replaces", hasSize(0));
        given().get("/api/v1/metrics?team=" + team + "&status=PROPOSED").then()
                .body("items[0].metricId", equalTo(successor)).body("items[0].replaces", equalTo(List.of(old, older)));
        // As it stood between the two deprecations: only the first had named it.
        given().get("/api/v1/metrics/" + successor + "?asOf=" + between).then().statusCode(200)
                .body("replaces", equalTo(List.of(old)));
    }
}
