package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** The actor is whoever signed in, whatever the request claims; every answer carries the security headers. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ActorAndHeadersTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("carl");
    }

    @Test
    void noHeaderOrFieldChangesTheActor() {
        String metricId = given().contentType(ContentType.JSON)
                .header("X-Actor", "mallory").header("X-Forwarded-User", "mallory").header("X-Remote-User", "mallory")
                .header("X-Auth-Request-User", "mallory").header("From", "mallory@example.com")
                .body(Api.metric("search", "carl")).post("/api/v1/metrics").then().statusCode(201)
                .extract().path("metricId");
        Map<String, Object> withActor = Api.hypothesis("POSITIVE", 0.5, 10);
        withActor.put("actor", "mallory");
        given().contentType(ContentType.JSON).body(withActor).post("/api/v1/metrics/" + metricId + "/hypotheses")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).queryParam("actor", "mallory").body(Api.hypothesis("POSITIVE", 0.5, 10))
                .post("/api/v1/metrics/" + metricId + "/hypotheses").then().statusCode(201);
        List<String> actors = given().get("/api/v1/metrics/" + metricId + "/history").then().extract().path("actor");
        assertThat(actors).containsExactly("carl", "carl");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (var response : List.of(given().get("/api/v1/metrics").then(),
                given().auth().none().get("/api/v1/metrics").then(),
                given().get("/q/health").then())) {
            response.header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", containsString("max-age="));
        }
        given().get("/api/v1/metrics").then().header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void corsStaysClosedToOtherOrigins() {
        given().auth().none().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/metrics").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").get("/api/v1/metrics").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void unauthenticatedRequestsGetAChallengeAndAProblem() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        given().get("/api/v1/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic")).body("status", equalTo(401));
        given().auth().preemptive().basic("carl", "not-carl").get("/api/v1/metrics").then().statusCode(401);
        given().auth().preemptive().basic("nobody", "nobody").get("/api/v1/metrics").then().statusCode(401);
    }
}
