package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.metriclifecycle.deploy.support.Api.correlate;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.propose;
import static org.metriclifecycle.deploy.support.Api.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.ShortWindowsPostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The link window and revalidation deadlines, on PostgreSQL, with windows of seconds. */
@QuarkusTest
@TestProfile(ShortWindowsPostgresProfile.class)
class DeadlinesFireTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aMetricWithoutSupportedHypothesisIsDeprioritizedWhenItsLinkWindowCloses() {
        String proposed = propose(freshTeam(), "ada");
        String linked = propose(freshTeam(), "ada");
        link(linked, "POSITIVE", 0.5, 10);
        String validated = propose(freshTeam(), "ada");
        correlate(validated, link(validated, "POSITIVE", 0.5, 10), 0.9, 50);

        for (String metricId : List.of(proposed, linked)) {
            Eventually.within(PATIENCE, () -> view(metricId).body("status", equalTo("DEPRIORITIZED")));
            view(metricId).body("deprioritizedAt", notNullValue());
            List<Map<String, Object>> deprioritizations = deprioritizations(metricId);
            assertThat(deprioritizations).hasSize(1);
            assertThat(deprioritizations.get(0).get("actor")).isEqualTo("system");
            assertThat((String) deprioritizations.get(0).get("reason")).contains("link window");
        }
        // Its revalidation interval may lapse by now, but the link window must have left it alone.
        assertThat(deprioritizations(validated)).noneMatch(e -> ((String) e.get("reason")).contains("link window"));
    }

    @Test
    void aSupportedMetricLapsesWithoutRevalidationAndRecoversWithNewEvidence() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        correlate(metricId, hypothesisId, 0.9, 50);

        Eventually.within(PATIENCE, () -> view(metricId).body("status", equalTo("DEPRIORITIZED")));
        List<Map<String, Object>> deprioritizations = deprioritizations(metricId);
        assertThat(deprioritizations).hasSize(1);
        assertThat((String) deprioritizations.get(0).get("reason")).contains("revalidation lapsed");

        assertThat(correlate(metricId, hypothesisId, 0.8, 50)).isEqualTo("SUPPORTED");
        view(metricId).body("status", equalTo("VALIDATED")).body("deprioritizedAt", nullValue());
        List<String> types = given().get("/api/v1/metrics/" + metricId + "/history").then().extract().path("type");
        assertThat(types).endsWith("CorrelationRecorded", "MetricReprioritized");
    }

    /**
     * SPEC "Refuted after the window": past its link deadline, evidence that takes away the last SUPPORTED hypothesis
     * deprioritizes the metric in the same write (actor system, reason naming the hypothesis and the evidence), with
     * no deadline to wait for.
     */
    @Test
    void aMetricPastItsLinkWindowThatLosesItsLastSupportIsDeprioritizedAtOnce() throws InterruptedException {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        assertThat(correlate(metricId, hypothesisId, 0.9, 50)).isEqualTo("SUPPORTED");
        Instant linkDeadline = Instant.parse(view(metricId).extract().path("linkDeadline"));
        while (!Instant.now().isAfter(linkDeadline.plusMillis(200))) {
            Thread.sleep(100);
        }
        // The revalidation interval here is 4 s, shorter than the link window: the first support may have lapsed by
        // now (the revalidation rule, not this one). Fresh support makes the metric VALIDATED past its window, so
        // the refutation right after it is what takes its last support away.
        assertThat(correlate(metricId, hypothesisId, 0.9, 50)).isEqualTo("SUPPORTED");
        view(metricId).body("status", equalTo("VALIDATED"));
        int before = history(metricId).size();

        String correlationId = Api.post("/api/v1/metrics/" + metricId + "/correlations",
                        Api.correlation(hypothesisId, 0.0, 100_000)).statusCode(201)
                .body("verdict", equalTo("REFUTED")).body("hypothesisStatus", equalTo("REFUTED"))
                .extract().path("correlationId");

        // Read at once: the deprioritization committed with the correlation, not later by a deadline.
        view(metricId).body("status", equalTo("DEPRIORITIZED")).body("deprioritizedAt", notNullValue())
                .body("hypotheses[0].status", equalTo("REFUTED"));
        List<Map<String, Object>> added = history(metricId).subList(before, before + 2);
        assertThat(added).extracting(e -> e.get("type")).containsExactly("CorrelationRecorded", "MetricDeprioritized");
        Map<String, Object> deprioritized = added.get(1);
        assertThat(deprioritized.get("actor")).isEqualTo("system");
        assertThat((String) deprioritized.get("reason")).contains("hypothesis " + hypothesisId)
                .contains("correlation " + correlationId).contains("r = 0.0, n = 100000")
                .contains("leaves it REFUTED").contains("past its link window");
    }

    private static List<Map<String, Object>> history(String metricId) {
        return given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200).extract().path("");
    }

    private static List<Map<String, Object>> deprioritizations(String metricId) {
        List<Map<String, Object>> history = given().get("/api/v1/metrics/" + metricId + "/history").then()
                .statusCode(200).extract().path("");
        return history.stream().filter(e -> "MetricDeprioritized".equals(e.get("type"))).toList();
    }

    /** A shadow check not concluded by its observeUntil expires by a durable deadline; a late outcome is 409. */
    @Test
    void anUnconcludedShadowCheckExpiresAndALateOutcomeIsRefused() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        String checkId = Api.post("/api/v1/metrics/" + metricId + "/shadow-checks", Map.of("change", "prompt v2",
                "evalDelta", 0.04, "hypothesisId", hypothesisId, "observeFor", "PT2S")).statusCode(201)
                .extract().path("checkId");
        Eventually.within(PATIENCE, () -> io.restassured.RestAssured.given()
                .get("/api/v1/metrics/" + metricId + "/shadow-checks").then()
                .body("items[0].state", equalTo("EXPIRED")));
        Api.post("/api/v1/metrics/" + metricId + "/shadow-checks/" + checkId + "/outcome",
                Map.of("outcomeDelta", 0.01)).statusCode(409);
        view(metricId).body("trackRecord.expired", equalTo(1)).body("trackRecord.open", equalTo(0));
        List<Map<String, Object>> history = io.restassured.RestAssured.given()
                .get("/api/v1/metrics/" + metricId + "/history").then().extract().jsonPath().getList("$");
        Map<String, Object> expired = history.stream().filter(e -> "ShadowCheckExpired".equals(e.get("type")))
                .findFirst().orElseThrow();
        assertThat(expired.get("actor")).isEqualTo("system");
    }
}
