package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.metriclifecycle.deploy.support.Api.correlate;
import static org.metriclifecycle.deploy.support.Api.correlation;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.hypothesis;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;
import static org.metriclifecycle.deploy.support.Api.view;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * SPEC "Evidence" over HTTP on PostgreSQL: interval verdicts, pooled status, honest inputs, REFUTED, the correlation
 * listing and the hypothesis's planning figures.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class EvidenceApiTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
        // Decimals as doubles, so closeTo can compare the intervals.
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @AfterEach
    void resetConfig() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig());
    }

    private static Map<String, Object> measured(String hypothesisId, double r, int n, String start, String end,
                                                String source) {
        Map<String, Object> body = correlation(hypothesisId, r, n);
        body.put("periodStart", start);
        body.put("periodEnd", end);
        if (source == null) {
            body.remove("source");
        } else {
            body.put("source", source);
        }
        return body;
    }

    private static int events(String metricId) {
        return given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    @Test
    void aHypothesisAnswersAndShowsItsRuleConfidenceAndSamplesNeeded() {
        String metricId = propose(freshTeam(), "ada");
        post("/api/v1/metrics/" + metricId + "/hypotheses", hypothesis("POSITIVE", 0.7, 100)).statusCode(201)
                // ceil((1.959964 / (atanh(0.8) - atanh(0.7)))^2) + 3 = 75
                .body("samplesNeeded", equalTo(75));
        Map<String, Object> point = hypothesis("NEGATIVE", 0.99, 100);
        point.put("decisionRule", "POINT");
        point.put("confidence", 0.9);
        post("/api/v1/metrics/" + metricId + "/hypotheses", point).statusCode(201)
                .body("samplesNeeded", nullValue());
        view(metricId).body("hypotheses[0].decisionRule", equalTo("INTERVAL"))
                .body("hypotheses[0].confidence", equalTo(0.95))
                .body("hypotheses[0].samplesNeeded", equalTo(75))
                .body("hypotheses[0].pooled", nullValue())
                .body("hypotheses[1].decisionRule", equalTo("POINT"))
                .body("hypotheses[1].confidence", equalTo(0.9))
                .body("hypotheses[1].samplesNeeded", nullValue());
        for (Object[] bad : List.of(new Object[] {"confidence", 0.5}, new Object[] {"confidence", 1},
                new Object[] {"confidence", "0.9"}, new Object[] {"decisionRule", "VIBES"})) {
            Map<String, Object> body = hypothesis("POSITIVE", 0.5, 10);
            body.put((String) bad[0], bad[1]);
            post("/api/v1/metrics/" + metricId + "/hypotheses", body).statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[0]));
        }
        view(metricId).body("hypotheses", hasSize(2));
    }

    @Test
    void theSpecsExamplesAnswerTheirVerdictIntervalAndStatus() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.70, 100);
        post("/api/v1/metrics/" + metricId + "/correlations", correlation(hypothesisId, 0.72, 120)).statusCode(201)
                .body("verdict", equalTo("INCONCLUSIVE"))
                .body("interval.low", closeTo(0.621, 0.001))
                .body("interval.high", closeTo(0.797, 0.001))
                .body("hypothesisStatus", equalTo("OPEN"));
        view(metricId).body("status", equalTo("LINKED"));

        String otherMetric = propose(freshTeam(), "ada");
        String other = link(otherMetric, "POSITIVE", 0.70, 100);
        post("/api/v1/metrics/" + otherMetric + "/correlations", correlation(other, 0.81, 1200)).statusCode(201)
                .body("verdict", equalTo("SUPPORTED"))
                .body("interval.low", closeTo(0.790, 0.0005))
                .body("interval.high", closeTo(0.829, 0.0005))
                .body("hypothesisStatus", equalTo("SUPPORTED"));
        view(otherMetric).body("status", equalTo("VALIDATED"))
                .body("hypotheses[0].pooled.estimate", closeTo(0.81, 1e-9))
                .body("hypotheses[0].pooled.correlations", equalTo(1))
                .body("hypotheses[0].pooled.sampleSize", equalTo(1200))
                .body("hypotheses[0].latestCorrelation.interval.low", closeTo(0.790, 0.0005));
    }

    @Test
    void aTinySampleNoLongerSupportsATinyBar() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.01, 3);
        post("/api/v1/metrics/" + metricId + "/correlations", correlation(hypothesisId, 0.02, 3)).statusCode(201)
                .body("verdict", equalTo("INCONCLUSIVE")).body("interval", nullValue());
        view(metricId).body("status", equalTo("LINKED"));
    }

    @Test
    void fourRefutationsAndOneLuckySupportLeaveTheMetricRefuted() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.7, 100);
        for (int i = 0; i < 4; i++) {
            assertThat(correlate(metricId, hypothesisId, 0.6, 500)).isEqualTo("REFUTED");
        }
        post("/api/v1/metrics/" + metricId + "/correlations", correlation(hypothesisId, 0.85, 500)).statusCode(201)
                .body("verdict", equalTo("SUPPORTED")).body("hypothesisStatus", equalTo("REFUTED"));
        view(metricId).body("status", equalTo("REFUTED"))
                .body("hypotheses[0].pooled.correlations", equalTo(5))
                .body("hypotheses[0].pooled.sampleSize", equalTo(2500));
    }

    @Test
    void aStrongContraryCorrelationShowsRefutedNotProposed() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.3, 1000);
        assertThat(correlate(metricId, hypothesisId, -0.10, 100_000)).isEqualTo("REFUTED");
        view(metricId).body("status", equalTo("REFUTED"));
        given().get("/api/v1/metrics?status=REFUTED&size=200").then().statusCode(200)
                .body("items.metricId", hasItem(metricId));
    }

    /**
     * SPEC "Refuted after the window", inside the window: losing the last support only changes the status; the metric
     * keeps the rest of its link window (P42D here) to find evidence, so nothing deprioritizes it yet.
     */
    @Test
    void insideItsLinkWindowAMetricThatLosesItsLastSupportOnlyShowsTheNewStatus() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        assertThat(correlate(metricId, hypothesisId, 0.9, 50)).isEqualTo("SUPPORTED");
        view(metricId).body("status", equalTo("VALIDATED"));
        post("/api/v1/metrics/" + metricId + "/correlations", correlation(hypothesisId, 0.0, 100_000))
                .statusCode(201).body("hypothesisStatus", equalTo("REFUTED"));
        view(metricId).body("status", equalTo("REFUTED")).body("deprioritizedAt", nullValue());
        List<String> types = given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                .extract().path("type");
        assertThat(types).endsWith("CorrelationRecorded", "CorrelationRecorded").doesNotContain("MetricDeprioritized");
    }

    @Test
    void dishonestInputsAreRefusedAndNothingIsStored() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        String path = "/api/v1/metrics/" + metricId + "/correlations";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int before = events(metricId);

        post(path, measured(hypothesisId, 0.9, 100, today.toString(), today.plusDays(1).toString(), "nightly"))
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("periodEnd"));
        post(path, measured(hypothesisId, 0.9, 100, "2019-01-01", "2019-12-31", "nightly"))
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("too old"));
        Map<String, Object> malformed = measured(hypothesisId, 0.9, 100, today.minusDays(5).toString(),
                today.toString(), "nightly");
        malformed.put("definitionVersion", "one");
        post(path, malformed).statusCode(400).body("errors.field", hasItem("definitionVersion"));
        assertThat(events(metricId)).isEqualTo(before);
    }

    @Test
    void overlapsFromTheSameSourceNeedSupersedesAndTheListingShowsTheCorrection() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        String path = "/api/v1/metrics/" + metricId + "/correlations";
        String start = Api.daysAgo(30);
        String end = Api.today();
        String first = post(path, measured(hypothesisId, 0.2, 500, start, end, "nightly")).statusCode(201)
                .extract().path("correlationId");
        post(path, measured(hypothesisId, 0.9, 500, Api.daysAgo(3), end, "nightly")).statusCode(409)
                .body("detail", containsString(first));
        post(path, measured(hypothesisId, 0.9, 500, start, end, null)).statusCode(201);
        post(path, measured(hypothesisId, 0.9, 500, start, end, " ")).statusCode(409);

        Map<String, Object> correction = measured(hypothesisId, 0.9, 500, start, end, "nightly");
        correction.put("supersedes", first);
        String second = post(path, correction).statusCode(201).body("verdict", equalTo("SUPPORTED"))
                .body("hypothesisStatus", equalTo("SUPPORTED")).extract().path("correlationId");
        post(path, correction).statusCode(409);
        Map<String, Object> unknown = measured(hypothesisId, 0.9, 500, start, end, "weekly");
        unknown.put("supersedes", "no-such-correlation");
        post(path, unknown).statusCode(400).body("errors.field", hasItem("supersedes"));

        given().get(path).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.correlationId[0]", equalTo(second))
                .body("items.correlationId[2]", equalTo(first))
                .body("items[0].supersedes", equalTo(first))
                .body("items[0].counted", equalTo(true))
                .body("items[1].counted", equalTo(true))
                .body("items[2].supersededBy", equalTo(second))
                .body("items[2].counted", equalTo(false))
                .body("items[2].interval.low", closeTo(0.114, 0.001))
                .body("items[0].verdict", equalTo("SUPPORTED"));
        given().get(path + "?hypothesisId=" + hypothesisId + "&page=1&size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("items.correlationId", contains(first));
        given().get(path + "?hypothesisId=no-such").then().statusCode(404);
        given().get("/api/v1/metrics/no-such-metric/correlations").then().statusCode(404);
        given().get(path + "?size=201").then().statusCode(400);
        given().get(path + "?page=-1").then().statusCode(400);
    }

    @Test
    void evidenceForAnOlderMajorVersionIsRefused() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        post("/api/v1/metrics/" + metricId + "/revisions", Map.of("version", "2.0", "changeNote", "new rubric"))
                .statusCode(201);
        Map<String, Object> old = correlation(hypothesisId, 0.9, 500);
        old.put("definitionVersion", "1.0");
        post("/api/v1/metrics/" + metricId + "/correlations", old).statusCode(409)
                .body("detail", containsString("older major"));
        Map<String, Object> future = correlation(hypothesisId, 0.9, 500);
        future.put("definitionVersion", "2.1");
        post("/api/v1/metrics/" + metricId + "/correlations", future).statusCode(400)
                .body("errors.field", hasItem("definitionVersion"));
        Map<String, Object> current = correlation(hypothesisId, 0.9, 500);
        current.put("definitionVersion", "2.0");
        post("/api/v1/metrics/" + metricId + "/correlations", current).statusCode(201)
                .body("hypothesisStatus", equalTo("SUPPORTED"));
        given().get("/api/v1/metrics/" + metricId + "/correlations").then()
                .body("items[0].definitionVersion", equalTo("2.0"));
    }

    /** The worked example of docs/evidence.md ("Over HTTP"), number for number. */
    @Test
    void theWorkedExampleOfTheDocs() {
        String metricId = propose(freshTeam(), "ada");
        String path = "/api/v1/metrics/" + metricId;
        String hypothesisId = post(path + "/hypotheses", hypothesis("NEGATIVE", 0.7, 500)).statusCode(201)
                .body("samplesNeeded", equalTo(75)).extract().path("hypothesisId");
        Map<String, Object> first = measured(hypothesisId, -0.2, 120, Api.daysAgo(60), Api.daysAgo(31), "nightly");
        first.put("method", "SPEARMAN");
        post(path + "/correlations", first).statusCode(201)
                .body("verdict", equalTo("INCONCLUSIVE"))
                .body("interval.low", closeTo(-0.386, 0.0005)).body("interval.high", closeTo(-0.017, 0.0005))
                .body("hypothesisStatus", equalTo("OPEN"));
        post(path + "/correlations", measured(hypothesisId, -0.74, 812, Api.daysAgo(30), Api.today(), "nightly"))
                .statusCode(201)
                .body("verdict", equalTo("SUPPORTED"))
                .body("interval.low", closeTo(-0.770, 0.0005)).body("interval.high", closeTo(-0.707, 0.0005))
                .body("hypothesisStatus", equalTo("OPEN"));
        view(metricId).body("status", equalTo("LINKED"))
                .body("hypotheses[0].pooled.estimate", closeTo(-0.701, 0.0005))
                .body("hypotheses[0].pooled.low", closeTo(-0.732, 0.0005))
                .body("hypotheses[0].pooled.high", closeTo(-0.666, 0.0005))
                .body("hypotheses[0].pooled.sampleSize", equalTo(932))
                .body("hypotheses[0].pooled.iSquared", closeTo(0.980, 0.0005));
        post(path + "/correlations", measured(hypothesisId, -0.78, 1500, Api.daysAgo(30), Api.today(), "weekly"))
                .statusCode(201)
                .body("verdict", equalTo("SUPPORTED"))
                .body("hypothesisStatus", equalTo("SUPPORTED"));
        view(metricId).body("status", equalTo("VALIDATED"))
                .body("hypotheses[0].pooled.estimate", closeTo(-0.752, 0.0005))
                .body("hypotheses[0].pooled.low", closeTo(-0.769, 0.0005))
                .body("hypotheses[0].pooled.high", closeTo(-0.735, 0.0005))
                .body("hypotheses[0].pooled.correlations", equalTo(3))
                .body("hypotheses[0].pooled.sampleSize", equalTo(2432));
        post(path + "/correlations", measured(hypothesisId, -0.9, 900, Api.daysAgo(10), Api.today(), "nightly"))
                .statusCode(409);
    }
}
