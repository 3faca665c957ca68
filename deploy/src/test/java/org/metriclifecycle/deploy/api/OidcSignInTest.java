package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.metriclifecycle.deploy.support.Api.metric;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.OidcProfile;
import org.metriclifecycle.deploy.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Production sign-in: OIDC bearer tokens, their roles (groups claim) and teams (teams claim). */
@QuarkusTest
@TestProfile(OidcProfile.class)
class OidcSignInTest {

    @BeforeEach
    void noDefaultCredentials() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void aLeadsTokenWritesInItsTeamOnlyAndBecomesTheActor() {
        String lead = Tokens.token("lena", "lead", List.of("search"));
        String metricId = as(lead).body(metric("search", "lena")).post("/api/v1/metrics").then().statusCode(201)
                .extract().path("metricId");
        as(lead).body(metric("other", "lena")).post("/api/v1/metrics").then().statusCode(403)
                .contentType("application/problem+json");
        List<String> actors = as(lead).get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                .extract().path("actor");
        assertThat(actors).containsExactly("lena");
    }

    @Test
    void teamsMayComeAsOneSpaceSeparatedClaim() {
        String token = Tokens.claims("carl", "contributor", List.of()).claim("teams", "ranking search").sign();
        as(token).body(metric("search", "carl")).post("/api/v1/metrics").then().statusCode(201);
        as(token).body(metric("ranking", "carl")).post("/api/v1/metrics").then().statusCode(201);
    }

    @Test
    void aViewerReadsButDoesNotWrite() {
        String viewer = Tokens.token("vera", "viewer", List.of("search"));
        as(viewer).get("/api/v1/metrics").then().statusCode(200);
        as(viewer).body(metric("search", "vera")).post("/api/v1/metrics").then().statusCode(403);
    }

    @Test
    void missingForgedExpiredOrForeignTokensAreRefused() {
        given().get("/api/v1/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        String valid = Tokens.token("lena", "lead", List.of("search"));
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        as(forged).get("/api/v1/metrics").then().statusCode(401);
        as(Tokens.claims("lena", "lead", List.of("search")).expiresAt(System.currentTimeMillis() / 1000 - 600).sign())
                .get("/api/v1/metrics").then().statusCode(401);
        as(Jwt.issuer("https://someone-else.test").audience(OidcProfile.AUDIENCE).upn("lena").groups("admin")
                .sign()).get("/api/v1/metrics").then().statusCode(401);
        as(Jwt.issuer(OidcProfile.ISSUER).audience("another-service").upn("lena").groups("admin").sign())
                .get("/api/v1/metrics").then().statusCode(401);
        as(Tokens.token("lena", "lead", List.of("search")).replace('.', ' ')).get("/api/v1/metrics").then()
                .statusCode(401);
    }

    @Test
    void theDemoUsersCannotSignInWhenTheServiceRunsWithOidc() {
        given().auth().preemptive().basic("ada", "ada").get("/api/v1/metrics").then().statusCode(401);
        given().auth().preemptive().basic("ada", "ada").contentType(ContentType.JSON)
                .body(Map.of("coreMetricLimit", 3)).put("/api/v1/teams/search/budget").then().statusCode(401);
    }

    @Test
    void anAdminTokenMayActInAnyTeam() {
        String admin = Tokens.token("ada", "admin", List.of());
        as(admin).body(Map.of("coreMetricLimit", 20)).put("/api/v1/teams/anywhere/budget").then().statusCode(200)
                .body("coreMetricLimit", equalTo(20));
    }
}
