package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.metriclifecycle.deploy.support.Api.correlate;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;
import static org.metriclifecycle.deploy.support.Api.view;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.H2Profile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The zero-set-up default: the same service on an embedded H2 file database. */
@QuarkusTest
@TestProfile(H2Profile.class)
class EmbeddedH2SmokeTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void theEmbeddedDefaultListensOnLoopbackAndSignsInFromTheUsersFile() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.http.host", String.class)).isEqualTo("127.0.0.1");
        assertThat(ConfigProvider.getConfig().getValue("metrics.auth.resolved-mode", String.class)).isEqualTo("basic");
    }

    @Test
    void aMetricLivesItsWholeLifeOnH2() {
        String metricId = propose("search", "ada");
        String hypothesisId = link(metricId, "NEGATIVE", 0.7, 500);
        assertThat(correlate(metricId, hypothesisId, -0.75, 800)).isEqualTo("SUPPORTED");
        view(metricId).statusCode(200).body("status", equalTo("VALIDATED"));
        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "replaced by a human eval"))
                .statusCode(200);
        view(metricId).body("status", equalTo("DEPRECATED"));
        given().get("/api/v1/metrics/" + metricId + "/history").then().body("", hasSize(4));
        given().get("/api/v1/metrics?team=search&status=DEPRECATED").then().body("total", equalTo(1));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aRetriedWriteWithItsIdempotencyKeyIsAnsweredFromTheFirstOnH2() {
        String team = Api.freshTeam();
        String key = java.util.UUID.randomUUID().toString();
        String first = given().header(IdempotentWrites.KEY_HEADER, key).contentType(io.restassured.http.ContentType.JSON)
                .body(Api.metric(team, "ada")).post("/api/v1/metrics").then().statusCode(201).extract().path("metricId");
        given().header(IdempotentWrites.KEY_HEADER, key).contentType(io.restassured.http.ContentType.JSON)
                .body(Api.metric(team, "ada")).post("/api/v1/metrics").then().statusCode(201)
                .header(IdempotentWrites.REPLAYED_HEADER, "true").body("metricId", equalTo(first));
        given().header(IdempotentWrites.KEY_HEADER, key).contentType(io.restassured.http.ContentType.JSON)
                .body(Api.metric(team, "lena")).post("/api/v1/metrics").then().statusCode(422);
        given().get("/api/v1/metrics?team=" + team).then().body("total", equalTo(1));
    }
}
