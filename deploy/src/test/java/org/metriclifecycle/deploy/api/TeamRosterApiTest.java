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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** SPEC {@code PUT /teams/{team}/members} and {@code GET /teams/{team}/history}, end to end on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class TeamRosterApiTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static ValidatableResponse put(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    private static String rotation(List<String> members) {
        return "{\"members\":[\"" + String.join("\",\"", members) + "\"],\"period\":\"P7D\",\"startsAt\":\""
                + Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }

    @Test
    void onceATeamHasARosterOwnersRotationMembersAndReplacementsMustBeOnIt() {
        String team = freshTeam();
        String before = propose(team, "ghost"); // no roster yet: anyone may own
        put("/api/v1/teams/" + team + "/members", Map.of("members", List.of("Lena", "carl"), "reason", "Q3 staffing"))
                .statusCode(200).body("members", equalTo(List.of("Lena", "carl")));
        given().get("/api/v1/teams/" + team).then().body("members", equalTo(List.of("Lena", "carl")));

        post("/api/v1/metrics", metric(team, "ghost")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("owner"));
        String metricId = propose(team, "lena");
        view(metricId).body("owner", equalTo("Lena"));

        put("/api/v1/metrics/" + metricId + "/owner", Map.of("owner", "nobody", "reason", "r")).statusCode(400)
                .body("errors.field", hasItem("owner"));
        put("/api/v1/metrics/" + metricId + "/owner", Map.of("owner", "CARL", "reason", "r")).statusCode(200);
        view(metricId).body("owner", equalTo("carl"));
        view(before).body("owner", equalTo("ghost"));

        given().contentType(ContentType.JSON).body(rotation(List.of("lena", "ghost")))
                .put("/api/v1/teams/" + team + "/rotation").then().statusCode(400).body("errors.field", hasItem("members"));
        given().contentType(ContentType.JSON).body(rotation(List.of("lena", "carl")))
                .put("/api/v1/teams/" + team + "/rotation").then().statusCode(200);
        post("/api/v1/teams/" + team + "/rotation/overrides", Map.of("member", "lena", "replacement", "ghost",
                "from", Instant.now().toString(), "to", Instant.now().plusSeconds(3600).toString()))
                .statusCode(400).body("errors.field", hasItem("replacement"));
    }

    @Test
    void aRosterNamesOneToTwoHundredDistinctPeopleComparedCaseInsensitively() {
        String team = freshTeam();
        put("/api/v1/teams/" + team + "/members", Map.of("members", List.of("lena", "Lena"))).statusCode(400)
                .body("errors.field", hasItem("members"));
        put("/api/v1/teams/" + team + "/members", Map.of("members", List.of())).statusCode(400)
                .body("errors.field", hasItem("members"));
        put("/api/v1/teams/" + team + "/members", Map.of("members", java.util.stream.IntStream.range(0, 201)
                .mapToObj(i -> "p" + i).toList())).statusCode(400);
        given().get("/api/v1/teams/" + team + "/history").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theTeamsHistoryTellsWhoDecidedWhatWhenAndWhy() {
        String team = freshTeam();
        String metricId = propose(team, "lena");
        put("/api/v1/teams/" + team + "/budget", Map.of("coreMetricLimit", 5, "reason", "focus")).statusCode(200);
        put("/api/v1/teams/" + team + "/members", Map.of("members", List.of("lena", "carl"), "reason", "Q3 staffing"))
                .statusCode(200);
        put("/api/v1/teams/" + team + "/members", Map.of("members", List.of("lena"), "reason", "carl moved"))
                .statusCode(200);

        given().get("/api/v1/teams/" + team + "/history").then().statusCode(200)
                .body("", hasSize(4))
                .body("sequence", equalTo(List.of(0, 1, 2, 3)))
                .body("type", equalTo(List.of("TeamMetricAdmitted", "CoreMetricLimitChanged", "TeamRosterSet",
                        "TeamRosterSet")))
                .body("actor", equalTo(List.of("ada", "ada", "ada", "ada")))
                .body("reason", equalTo(java.util.Arrays.asList(null, "focus", "Q3 staffing", "carl moved")))
                .body("[0].changes.'activeMetricIds[0]'.after", equalTo(metricId))
                .body("[1].changes.coreMetricLimit.after", equalTo(5))
                .body("[2].changes.'members[1]'.after", equalTo("carl"))
                .body("[3].changes.'members[1]'.before", equalTo("carl"));
        given().get("/api/v1/teams/Not_A_Team/history").then().statusCode(404);
    }
}
