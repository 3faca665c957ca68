package org.metriclifecycle.deploy.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Small helpers that drive the HTTP API the way a team's tooling would. */
public final class Api {

    private static final AtomicLong COUNTER = new AtomicLong();

    private Api() {
    }

    /** Every later request of this test signs in as {@code user} (the demo users' password is their name). */
    public static void signInAs(String user) {
        RestAssured.authentication = RestAssured.preemptive().basic(user, user);
    }

    /** A team of the test's own, so tests never share a budget or a rotation. */
    public static String freshTeam() {
        return "t-" + Long.toString(System.nanoTime(), 36) + "-" + COUNTER.incrementAndGet();
    }

    public static Map<String, Object> metric(String team, String owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "hallucination rate on support answers");
        body.put("team", team);
        body.put("owner", owner);
        body.put("description", "share of answers with an unsupported claim");
        body.put("validFor", "English support chat");
        return body;
    }

    public static Map<String, Object> hypothesis(String direction, double minCorrelation, int minSampleSize) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", "user-reported errors");
        body.put("statement", "correlates at r >= " + minCorrelation + " with user-reported errors");
        body.put("direction", direction);
        body.put("minCorrelation", minCorrelation);
        body.put("minSampleSize", minSampleSize);
        return body;
    }

    public static Map<String, Object> correlation(String hypothesisId, double coefficient, int sampleSize) {
        Map<String, Object> body = new HashMap<>();
        body.put("hypothesisId", hypothesisId);
        body.put("coefficient", coefficient);
        body.put("sampleSize", sampleSize);
        // The last 30 days up to today (UTC): older evidence would be past its revalidation due date (409), and
        // each call comes from a pipeline of its own, so equal periods never overlap a counted one from the same
        // source (409 unless it supersedes it). Tests of those refusals set period and source themselves.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        body.put("periodStart", today.minusDays(30).toString());
        body.put("periodEnd", today.toString());
        body.put("source", "eval-pipeline-" + COUNTER.incrementAndGet());
        return body;
    }

    public static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    public static String daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).toString();
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static String propose(String team, String owner) {
        return post("/api/v1/metrics", metric(team, owner)).statusCode(201).extract().path("metricId");
    }

    public static String link(String metricId, String direction, double minCorrelation, int minSampleSize) {
        return post("/api/v1/metrics/" + metricId + "/hypotheses", hypothesis(direction, minCorrelation, minSampleSize))
                .statusCode(201).extract().path("hypothesisId");
    }

    public static String correlate(String metricId, String hypothesisId, double coefficient, int sampleSize) {
        return post("/api/v1/metrics/" + metricId + "/correlations", correlation(hypothesisId, coefficient, sampleSize))
                .statusCode(201).extract().path("verdict");
    }

    public static ValidatableResponse view(String metricId) {
        return given().when().get("/api/v1/metrics/" + metricId).then();
    }

    public static int total(String query) {
        return given().when().get("/api/v1/metrics" + query).then().statusCode(200).extract().path("total");
    }
}
