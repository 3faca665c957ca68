package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * SPEC "Security" and the write-side paragraph: forged cross-site writes are refused, an unknown metric is a 404 for
 * every role before any role check, and a budget swap needs the role that may deprecate. Nothing refused is stored.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class WriteGuardsTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void aBodyThatIsNotJsonOrHasNoContentTypeIs415AndStoresNothing() {
        String team = freshTeam();
        String json = "{\"name\":\"n\",\"team\":\"" + team + "\",\"owner\":\"ada\"}";
        // What an HTML form or a fetch() with mode no-cors can send without a preflight.
        given().noContentType().body(json.getBytes()).post("/api/v1/metrics").then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(415));
        given().contentType("text/plain").body(json).post("/api/v1/metrics").then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE);
        given().contentType("application/x-www-form-urlencoded").body("name=n&team=" + team + "&owner=ada")
                .post("/api/v1/metrics").then().statusCode(415);
        assertThat(Api.total("?team=" + team)).isZero();
        given().contentType("application/json; charset=utf-8").body(json).post("/api/v1/metrics").then()
                .statusCode(201);
    }

    @Test
    void aWriteFromAnotherSiteIs403AndStoresNothing() {
        String team = freshTeam();
        given().contentType(ContentType.JSON).header("Origin", "https://evil.example").body(Api.metric(team, "ada"))
                .post("/api/v1/metrics").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).header("Origin", "null").body(Api.metric(team, "ada"))
                .post("/api/v1/metrics").then().statusCode(403);
        given().contentType(ContentType.JSON).header("Sec-Fetch-Site", "cross-site").body(Api.metric(team, "ada"))
                .post("/api/v1/metrics").then().statusCode(403);
        assertThat(Api.total("?team=" + team)).isZero();
        // The page's own forms: same origin, or same-origin / same-site fetch metadata.
        String own = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().contentType(ContentType.JSON).header("Origin", own).header("Sec-Fetch-Site", "same-origin")
                .body(Api.metric(team, "ada")).post("/api/v1/metrics").then().statusCode(201);
        // Reads are not writes: a cross-site GET changes nothing and is answered as usual.
        given().header("Origin", "https://evil.example").get("/api/v1/metrics?team=" + team).then().statusCode(200);
    }

    @Test
    void anUnknownMetricIs404ForEveryRoleBeforeAnyRoleCheck() {
        String unknown = UUID.randomUUID().toString();
        for (String user : new String[] {"ada", "lena", "carl", "pipe", "vera"}) {
            Api.signInAs(user);
            given().contentType(ContentType.JSON).body(Map.of("reason", "gone"))
                    .post("/api/v1/metrics/" + unknown + "/deprecation").then().statusCode(404)
                    .contentType(Problem.MEDIA_TYPE);
            given().contentType(ContentType.JSON).body(Api.hypothesis("POSITIVE", 0.5, 10))
                    .post("/api/v1/metrics/team:search/hypotheses").then().statusCode(404);
        }
    }

    @Test
    void aContributorsBudgetSwapIs403AndDeprecatesNothing() {
        given().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", 100, "reason", "room for tests"))
                .put("/api/v1/teams/search/budget").then().statusCode(200);
        String replaced = propose("search", "carl");
        Api.signInAs("carl");
        Map<String, Object> swap = new java.util.HashMap<>(Api.metric("search", "carl"));
        swap.put("replaces", replaced);
        swap.put("businessCase", ".");
        given().contentType(ContentType.JSON).body(swap).post("/api/v1/metrics").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        Api.view(replaced).body("status", equalTo("PROPOSED"));
        Api.signInAs("lena");
        given().contentType(ContentType.JSON).body(swap).post("/api/v1/metrics").then().statusCode(201);
        Api.view(replaced).body("status", equalTo("DEPRECATED"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WithAProblemDocument() throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/metrics"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("ada:ada".getBytes()))
                // A stream of unknown length: sent chunked, with no Content-Length to refuse it by.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(answer.body()).contains("\"status\":413");
    }
}
