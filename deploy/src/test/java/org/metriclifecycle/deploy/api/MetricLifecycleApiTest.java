package org.metriclifecycle.deploy.api;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.metriclifecycle.deploy.support.Api.correlate;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.correlation;
import static org.metriclifecycle.deploy.support.Api.hypothesis;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.metric;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;
import static org.metriclifecycle.deploy.support.Api.total;
import static org.metriclifecycle.deploy.support.Api.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The whole core HTTP API, end to end on a fresh PostgreSQL database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class MetricLifecycleApiTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void aProposedMetricIsReadableAtOnceWithItsLinkDeadline() {
        String location = post("/api/v1/metrics", metric(freshTeam(), "ada")).statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/metrics/[0-9a-f-]{36}"))
                .body("metricId", notNullValue())
                .extract().header("Location");
        String metricId = location.substring(location.lastIndexOf('/') + 1);

        Map<String, Object> view = view(metricId).statusCode(200)
                .body("metricId", equalTo(metricId))
                .body("status", equalTo("PROPOSED"))
                .body("team", notNullValue())
                .body("owner", equalTo("ada"))
                .body("version", equalTo("1.0"))
                .body("validFor", equalTo("English support chat"))
                .body("proposedAt", matchesPattern(INSTANT))
                .body("linkDeadline", matchesPattern(INSTANT))
                .body("revalidationDue", nullValue())
                .body("deprioritizedAt", nullValue())
                .body("hypotheses", hasSize(0))
                .extract().as(Map.class);
        Instant proposedAt = Instant.parse((String) view.get("proposedAt"));
        assertThat(Instant.parse((String) view.get("linkDeadline"))).isEqualTo(proposedAt.plus(Duration.ofDays(42)));
    }

    @Test
    void evidenceMovesAMetricThroughItsStatuses() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "NEGATIVE", 0.7, 500);
        view(metricId).body("status", equalTo("LINKED"))
                .body("hypotheses[0].hypothesisId", equalTo(hypothesisId))
                .body("hypotheses[0].status", equalTo("OPEN"))
                .body("hypotheses[0].direction", equalTo("NEGATIVE"))
                .body("hypotheses[0].latestCorrelation", nullValue());

        assertThat(correlate(metricId, hypothesisId, -0.9, 100)).isEqualTo("INCONCLUSIVE");
        view(metricId).body("status", equalTo("LINKED"))
                .body("hypotheses[0].latestCorrelation.verdict", equalTo("INCONCLUSIVE"));

        // Under the INTERVAL rule (the default for new hypotheses) r = -0.7 over 500 straddles the bar of 0.7: it
        // used to be SUPPORTED (|r| >= 0.7); now its interval must clear the bar. r = -0.8 over 600 does.
        assertThat(correlate(metricId, hypothesisId, -0.7, 500)).isEqualTo("INCONCLUSIVE");
        post("/api/v1/metrics/" + metricId + "/correlations", correlation(hypothesisId, -0.8, 600)).statusCode(201)
                .body("verdict", equalTo("SUPPORTED"))
                .body("interval.low", lessThan(-0.77f)).body("interval.high", greaterThan(-0.78f))
                .body("hypothesisStatus", equalTo("SUPPORTED"));
        view(metricId).body("status", equalTo("VALIDATED"))
                .body("hypotheses[0].status", equalTo("SUPPORTED"))
                .body("hypotheses[0].latestCorrelation.coefficient", equalTo(-0.8f))
                .body("hypotheses[0].latestCorrelation.method", equalTo("PEARSON"))
                .body("hypotheses[0].latestCorrelation.periodStart", equalTo(Api.daysAgo(30)))
                .body("hypotheses[0].latestCorrelation.counted", equalTo(true))
                .body("hypotheses[0].pooled.correlations", equalTo(3))
                .body("hypotheses[0].pooled.sampleSize", equalTo(1200))
                .body("revalidationDue", matchesPattern(INSTANT));

        // A strong contrary correlation pulls the pool below the bar: every hypothesis refuted is REFUTED (it used
        // to fall back to PROPOSED). Inside the link window that is all that happens.
        assertThat(correlate(metricId, hypothesisId, 0.8, 900)).isEqualTo("REFUTED");
        view(metricId).body("status", equalTo("REFUTED"))
                .body("hypotheses[0].status", equalTo("REFUTED"))
                .body("revalidationDue", nullValue())
                .body("deprioritizedAt", nullValue());
    }

    @Test
    void correlationMethodIsRecordedAsSent() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 3);
        Map<String, Object> body = correlation(hypothesisId, 0.5, 3);
        body.put("method", "KENDALL");
        // Three samples give KENDALL no interval (n <= 4): INCONCLUSIVE, not the SUPPORTED the first rule gave.
        post("/api/v1/metrics/" + metricId + "/correlations", body).statusCode(201)
                .body("verdict", equalTo("INCONCLUSIVE")).body("interval", nullValue())
                .body("correlationId", notNullValue());
        view(metricId).body("hypotheses[0].latestCorrelation.method", equalTo("KENDALL"));
    }

    @Test
    void deprecationIsTerminal() {
        String replacement = propose(freshTeam(), "ada");
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);

        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "superseded", "replacedBy", replacement))
                .statusCode(200).body("metricId", equalTo(metricId));
        view(metricId).body("status", equalTo("DEPRECATED"))
                .body("deprecationReason", equalTo("superseded"))
                .body("replacedBy", equalTo(replacement))
                .body("deprecatedAt", matchesPattern(INSTANT));

        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "again")).statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
        post("/api/v1/metrics/" + metricId + "/hypotheses", hypothesis("POSITIVE", 0.5, 10)).statusCode(409);
        post("/api/v1/metrics/" + metricId + "/correlations", correlation(hypothesisId, 0.9, 50)).statusCode(409);
        given().get("/api/v1/metrics/" + metricId + "/history").then().body("", hasSize(3));
    }

    @Test
    void aReplacementMustBeAnotherExistingActiveMetric() {
        String metricId = propose(freshTeam(), "ada");
        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "x", "replacedBy", metricId))
                .statusCode(400).body("errors.field", hasItem("replacedBy"));
        post("/api/v1/metrics/" + metricId + "/deprecation",
                Map.of("reason", "x", "replacedBy", "00000000-0000-0000-0000-000000000000"))
                .statusCode(400).body("errors.field", hasItem("replacedBy"));
        String retired = propose(freshTeam(), "ada");
        post("/api/v1/metrics/" + retired + "/deprecation", Map.of("reason", "gone")).statusCode(200);
        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "x", "replacedBy", retired))
                .statusCode(400).body("errors.field", hasItem("replacedBy"));
        view(metricId).body("status", equalTo("PROPOSED"));
    }

    @Test
    void unknownMetricsAndHypothesesAre404() {
        String unknown = "00000000-0000-0000-0000-000000000001";
        view(unknown).statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/metrics/" + unknown + "/history").then().statusCode(404);
        post("/api/v1/metrics/" + unknown + "/hypotheses", hypothesis("POSITIVE", 0.5, 10)).statusCode(404)
                .contentType("application/problem+json");
        post("/api/v1/metrics/" + unknown + "/correlations", correlation("h", 0.5, 10)).statusCode(404);
        post("/api/v1/metrics/" + unknown + "/deprecation", Map.of("reason", "x")).statusCode(404);

        String metricId = propose(freshTeam(), "ada");
        post("/api/v1/metrics/" + metricId + "/correlations", correlation("no-such-hypothesis", 0.5, 10))
                .statusCode(404).body("detail", containsString("no-such-hypothesis"));
    }

    @Test
    void invalidProposalsAreRefusedFieldByFieldAndStoreNothing() {
        int before = total("");
        Map<String, Object> blank = metric(freshTeam(), "ada");
        blank.put("name", "   ");
        post("/api/v1/metrics", blank).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem("name"));

        Map<String, Object> tooLong = metric(freshTeam(), "ada");
        tooLong.put("name", "x".repeat(121));
        post("/api/v1/metrics", tooLong).statusCode(400).body("errors.field", hasItem("name"));

        Map<String, Object> padded = metric(freshTeam(), "ada");
        padded.put("name", "  " + "x".repeat(120) + "  ");
        String paddedId = post("/api/v1/metrics", padded).statusCode(201).extract().path("metricId");
        view(paddedId).body("name", equalTo("x".repeat(120)));

        Map<String, Object> badTeam = metric("Search Team", "ada");
        post("/api/v1/metrics", badTeam).statusCode(400).body("errors.field", hasItem("team"));

        Map<String, Object> missing = metric(freshTeam(), "ada");
        missing.remove("owner");
        missing.remove("name");
        post("/api/v1/metrics", missing).statusCode(400).body("errors.field", hasItem("owner"))
                .body("errors.field", hasItem("name"));

        Map<String, Object> unknownField = metric(freshTeam(), "ada");
        unknownField.put("actor", "mallory");
        post("/api/v1/metrics", unknownField).statusCode(400).body("errors.field", hasItem("actor"));

        Map<String, Object> wrongType = metric(freshTeam(), "ada");
        wrongType.put("name", 42);
        post("/api/v1/metrics", wrongType).statusCode(400).body("errors.field", hasItem("name"));

        given().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/metrics").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/v1/metrics").then().statusCode(400);
        given().contentType(ContentType.TEXT).body("name=x").post("/api/v1/metrics").then().statusCode(415)
                .contentType("application/problem+json");

        assertThat(total("")).isEqualTo(before + 1);
    }

    @Test
    void invalidHypothesesAndCorrelationsAreRefused() {
        String metricId = propose(freshTeam(), "ada");
        String path = "/api/v1/metrics/" + metricId;
        for (Object[] bad : List.of(
                new Object[] {"direction", "UPWARD"},
                new Object[] {"minCorrelation", 0},
                new Object[] {"minCorrelation", 1.01},
                new Object[] {"minCorrelation", "0.5"},
                new Object[] {"minSampleSize", 2},
                new Object[] {"minSampleSize", 3.5},
                new Object[] {"outcome", ""},
                new Object[] {"statement", "x".repeat(2001)})) {
            Map<String, Object> body = hypothesis("POSITIVE", 0.5, 10);
            body.put((String) bad[0], bad[1]);
            post(path + "/hypotheses", body).statusCode(400).body("errors.field", hasItem(bad[0]));
        }
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        for (Object[] bad : List.of(
                new Object[] {"coefficient", 1.5},
                new Object[] {"coefficient", -1.01},
                new Object[] {"sampleSize", 1},
                new Object[] {"periodStart", "2026-02-30"},
                new Object[] {"periodEnd", "yesterday"},
                new Object[] {"method", "COSINE"})) {
            Map<String, Object> body = correlation(hypothesisId, 0.5, 10);
            body.put((String) bad[0], bad[1]);
            post(path + "/correlations", body).statusCode(400).body("errors.field", hasItem(bad[0]));
        }
        Map<String, Object> backwards = correlation(hypothesisId, 0.5, 10);
        backwards.put("periodStart", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        post(path + "/correlations", backwards).statusCode(400);
        view(metricId).body("status", equalTo("LINKED")).body("hypotheses", hasSize(1))
                .body("hypotheses[0].latestCorrelation", nullValue());
    }

    @Test
    void listFiltersPagesAndCountsEveryMatch() {
        String team = "list-" + System.nanoTime();
        String first = propose(team, "lena");
        propose(team, "lena");
        String third = propose(team, "carl");
        link(third, "POSITIVE", 0.5, 10);

        given().get("/api/v1/metrics?team=" + team).then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(3)).body("items[0].metricId", equalTo(first));
        given().get("/api/v1/metrics?team=" + team + "&size=2&page=1").then()
                .body("total", equalTo(3)).body("items", hasSize(1)).body("items[0].metricId", equalTo(third));
        given().get("/api/v1/metrics?team=" + team + "&owner=lena").then().body("total", equalTo(2));
        given().get("/api/v1/metrics?team=" + team + "&status=LINKED").then().body("total", equalTo(1))
                .body("items[0].metricId", equalTo(third));
        given().get("/api/v1/metrics?team=" + team + "&status=VALIDATED").then().body("total", equalTo(0))
                .body("items", hasSize(0));

        for (String bad : List.of("size=0", "size=201", "size=x", "page=-1", "page=1.5", "status=validated",
                "status=RETIRED")) {
            given().get("/api/v1/metrics?" + bad).then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void asOfShowsTheMetricAsItStood() throws InterruptedException {
        String metricId = propose(freshTeam(), "ada");
        String proposedAt = view(metricId).extract().path("proposedAt");
        Thread.sleep(5);
        link(metricId, "POSITIVE", 0.5, 10);

        given().get("/api/v1/metrics/" + metricId + "?asOf=" + proposedAt).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("hypotheses", hasSize(0));
        given().get("/api/v1/metrics/" + metricId + "?asOf=" + Instant.now().plusSeconds(1)).then().statusCode(200)
                .body("status", equalTo("LINKED"));
        given().get("/api/v1/metrics/" + metricId + "?asOf="
                + Instant.parse(proposedAt).minusMillis(1)).then().statusCode(404);
        given().get("/api/v1/metrics/" + metricId + "?asOf=last-tuesday").then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
    }

    @Test
    void historyTellsWhoWhenWhyAndWhatChanged() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        correlate(metricId, hypothesisId, 0.9, 50);
        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "no longer used")).statusCode(200);

        given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                .body("", hasSize(4))
                .body("sequence", equalTo(List.of(0, 1, 2, 3)))
                .body("type", equalTo(List.of("MetricProposed", "HypothesisLinked", "CorrelationRecorded",
                        "MetricDeprecated")))
                .body("actor", equalTo(List.of("ada", "ada", "ada", "ada")))
                .body("[3].reason", equalTo("no longer used"))
                .body("[0].occurredAt", matchesPattern(INSTANT))
                .body("[0].changes.status.after", equalTo("PROPOSED"))
                .body("[1].changes.status.before", equalTo("PROPOSED"))
                .body("[1].changes.status.after", equalTo("LINKED"))
                .body("[2].changes.status.after", equalTo("VALIDATED"))
                .body("[3].changes.status.before", equalTo("VALIDATED"))
                .body("[3].changes.status.after", equalTo("DEPRECATED"));
    }

    @Test
    void aRequestsCorrelationIdIsEchoed() {
        given().contentType(ContentType.JSON).header("X-Correlation-Id", "req-123").body(metric(freshTeam(), "ada"))
                .post("/api/v1/metrics").then().statusCode(201).header("X-Correlation-Id", equalTo("req-123"));
    }

    @Test
    void operationsEndpointsAnswer() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/metrics/{metricId}/correlations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/metrics/{metricId}/history"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/teams/{team}/webhooks"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/audit/verify"))
                .body("paths.keySet()", org.hamcrest.Matchers.not(hasItem(org.hamcrest.Matchers.startsWith("/ui"))))
                .body("paths.'/api/v1/metrics'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/metrics/{metricId}/owner'.put.parameters.name", hasItem("Idempotency-Key"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("instance", endsWith("/api/v1/nothing-here"));
    }
}
