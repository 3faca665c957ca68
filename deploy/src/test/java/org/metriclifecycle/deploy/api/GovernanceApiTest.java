package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.metriclifecycle.deploy.support.Api.correlate;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.metric;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;
import static org.metriclifecycle.deploy.support.Api.view;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** SPEC "Governance" end to end on PostgreSQL: owners, rotation, revisions, budget, review, blind spots. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class GovernanceApiTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static String team(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static ValidatableResponse put(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    @Test
    void anOwnerChangeIsAuditedWithItsReasonAndVisibleAsOf() {
        String metricId = propose(team("own"), "ada");
        String before = view(metricId).extract().path("proposedAt");
        put("/api/v1/metrics/" + metricId + "/owner", Map.of("owner", "lena", "reason", "ada moves to infra"))
                .statusCode(200).body("owner", equalTo("lena"));
        view(metricId).body("owner", equalTo("lena"));
        given().get("/api/v1/metrics/" + metricId + "?asOf=" + before).then().body("owner", equalTo("ada"));
        List<Map<String, Object>> history = given().get("/api/v1/metrics/" + metricId + "/history").then()
                .extract().path("");
        Map<String, Object> change = history.get(history.size() - 1);
        assertThat(change.get("type")).isEqualTo("OwnerChanged");
        assertThat(change.get("reason")).isEqualTo("ada moves to infra");
        assertThat(change.get("changes")).isEqualTo(Map.of("owner", Map.of("before", "ada", "after", "lena")));

        put("/api/v1/metrics/" + metricId + "/owner", Map.of("owner", "lena")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        put("/api/v1/metrics/" + metricId + "/owner", Map.of("owner", " ", "reason", "x")).statusCode(400)
                .body("errors.field", hasItem("owner"));
        put("/api/v1/metrics/00000000-0000-0000-0000-000000000009/owner", Map.of("owner", "x", "reason", "x"))
                .statusCode(404);
        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "gone")).statusCode(200);
        put("/api/v1/metrics/" + metricId + "/owner", Map.of("owner", "carl", "reason", "x")).statusCode(409);
    }

    @Test
    void aMinorRevisionKeepsTheEvidenceAndAMajorOneReopensIt() {
        String metricId = propose(team("rev"), "ada");
        String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
        correlate(metricId, hypothesisId, 0.8, 50);
        String linkDeadline = view(metricId).extract().path("linkDeadline");

        post("/api/v1/metrics/" + metricId + "/revisions", Map.of("version", "1.1", "changeNote", "typo in rubric",
                "deltas", List.of(Map.of("subject", "baseline", "before", 0.41, "after", 0.42))))
                .statusCode(201).body("version", equalTo("1.1"));
        view(metricId).body("version", equalTo("1.1")).body("status", equalTo("VALIDATED"))
                .body("evidenceVersion", equalTo("1.0"))
                .body("revisions", hasSize(1))
                .body("revisions[0].deltas[0].subject", equalTo("baseline"))
                .body("revisions[0].major", equalTo(false));

        post("/api/v1/metrics/" + metricId + "/revisions", Map.of("version", "2.0", "changeNote", "new judge model",
                "validFor", "English and German support chat")).statusCode(201);
        view(metricId).body("version", equalTo("2.0")).body("status", equalTo("LINKED"))
                .body("validFor", equalTo("English and German support chat"))
                .body("hypotheses[0].status", equalTo("OPEN"))
                .body("revalidationDue", nullValue())
                .body("linkDeadline", not(equalTo(linkDeadline)));

        correlate(metricId, hypothesisId, 0.9, 50);
        view(metricId).body("status", equalTo("VALIDATED")).body("evidenceVersion", equalTo("2.0"))
                .body("hypotheses[0].latestCorrelation.definitionVersion", equalTo("2.0"));

        for (String version : List.of("2.0", "1.9", "1.10.0")) {
            post("/api/v1/metrics/" + metricId + "/revisions", Map.of("version", version, "changeNote", "x"))
                    .statusCode(400).body("errors.field", hasItem("version"));
        }
        post("/api/v1/metrics/" + metricId + "/revisions", Map.of("version", "two", "changeNote", "x"))
                .statusCode(400).body("errors.field", hasItem("version"));
        post("/api/v1/metrics/" + metricId + "/revisions", Map.of("version", "3.0")).statusCode(400)
                .body("errors.field", hasItem("changeNote"));
        List<String> types = given().get("/api/v1/metrics/" + metricId + "/history").then().extract().path("type");
        assertThat(types).containsSubsequence("MetricDefinitionRevised", "MetricDefinitionRevised");
    }

    @Test
    void blindSpotsAreListedOnTheMetricAndCountedForTheTeam() {
        String team = team("blind");
        String metricId = propose(team, "ada");
        post("/api/v1/metrics/" + metricId + "/blind-spots", Map.of("failureMode", "rude tone",
                "description", "answers were correct but rude", "incidentRef", "INC-42"))
                .statusCode(201).body("blindSpotId", notNullValue());
        view(metricId).body("blindSpots", hasSize(1)).body("blindSpots[0].failureMode", equalTo("rude tone"))
                .body("blindSpots[0].incidentRef", equalTo("INC-42"));
        given().get("/api/v1/teams/" + team).then().statusCode(200).body("blindSpots", equalTo(1));
        post("/api/v1/metrics/" + metricId + "/blind-spots", Map.of("failureMode", "x")).statusCode(400)
                .body("errors.field", hasItem("description"));
    }

    @Test
    void theBudgetRefusesAProposalBeyondItUnlessOneIsSwappedOut() {
        String team = team("budget");
        put("/api/v1/teams/" + team + "/budget", Map.of("coreMetricLimit", 2, "reason", "focus")).statusCode(200)
                .body("coreMetricLimit", equalTo(2));
        String first = propose(team, "ada");
        propose(team, "lena");

        post("/api/v1/metrics", metric(team, "carl")).statusCode(409).contentType("application/problem+json")
                .body("coreMetricLimit", equalTo(2)).body("metricsCounted", equalTo(2))
                .body("detail", containsString("budget"));
        given().get("/api/v1/metrics?team=" + team).then().body("total", equalTo(2));

        Map<String, Object> swap = metric(team, "carl");
        swap.put("replaces", first);
        swap.put("businessCase", "the new eval tracks user-reported errors better");
        String replacement = post("/api/v1/metrics", swap).statusCode(201).extract().path("metricId");
        view(first).body("status", equalTo("DEPRECATED")).body("replacedBy", equalTo(replacement))
                .body("deprecationReason", containsString("the new eval tracks user-reported errors better"));
        given().get("/api/v1/teams/" + team).then().statusCode(200)
                .body("coreMetricLimit", equalTo(2)).body("metricsCounted", equalTo(2))
                .body("countsByStatus.DEPRECATED", equalTo(1)).body("countsByStatus.PROPOSED", equalTo(2))
                .body("ownerLoad.carl", equalTo(1));

        Map<String, Object> halfSwap = metric(team, "carl");
        halfSwap.put("businessCase", "no replaces");
        post("/api/v1/metrics", halfSwap).statusCode(400);
        Map<String, Object> foreignSwap = metric(team, "carl");
        foreignSwap.put("replaces", propose(team("other"), "ada"));
        foreignSwap.put("businessCase", "not ours");
        post("/api/v1/metrics", foreignSwap).statusCode(400).body("errors.field", hasItem("replaces"));

        post("/api/v1/metrics/" + replacement + "/deprecation", Map.of("reason", "not needed")).statusCode(200);
        propose(team, "vera");

        for (Object bad : List.of(0, 101, "5", 2.5)) {
            put("/api/v1/teams/" + team + "/budget", Map.of("coreMetricLimit", bad)).statusCode(400)
                    .body("errors.field", hasItem("coreMetricLimit"));
        }
        put("/api/v1/teams/Not A Slug/budget", Map.of("coreMetricLimit", 3)).statusCode(400);
        given().get("/api/v1/teams/never-seen-" + System.nanoTime()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theReviewJudgesEveryActiveMetricInThreeFormats() {
        String team = team("review");
        String validated = propose(team, "ada");
        correlate(validated, link(validated, "POSITIVE", 0.5, 10), 0.9, 50);
        String unproven = propose(team, "lena");
        String retired = propose(team, "carl");
        post("/api/v1/metrics/" + retired + "/deprecation", Map.of("reason", "gone")).statusCode(200);

        given().get("/api/v1/teams/" + team + "/review").then().statusCode(200)
                .body("team", equalTo(team))
                .body("metrics", hasSize(2))
                .body("metrics.find { it.metricId == '" + validated + "' }.verdict", equalTo("KEEP"))
                // Proposed a moment ago: PENDING inside its link window (it used to be a REMOVE_CANDIDATE at once).
                .body("metrics.find { it.metricId == '" + unproven + "' }.verdict", equalTo("PENDING"))
                .body("metrics.find { it.metricId == '" + unproven + "' }.why",
                        startsWith("Inside its link window: 41 days left"));
        // The one supported INTERVAL hypothesis of the team: its one-sided p against the bar, and its BH q-value,
        // which for a family of one is p itself. r = 0.9 over 50 against 0.5: z-score 6.33, p about 1e-10.
        Map<String, Object> supported = given().get("/api/v1/teams/" + team + "/review").then().extract()
                .path("metrics.find { it.metricId == '" + validated + "' }.hypotheses[0]");
        assertThat(((Number) supported.get("pValue")).doubleValue()).isPositive().isLessThan(1e-9);
        assertThat(((Number) supported.get("qValue")).doubleValue())
                .isEqualTo(((Number) supported.get("pValue")).doubleValue());
        assertThat(given().get("/api/v1/teams/" + team + "/review").then().extract()
                .<Object>path("metrics.find { it.metricId == '" + unproven + "' }.hypotheses[0]")).isNull();

        String markdown = given().get("/api/v1/teams/" + team + "/review?format=md").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        assertThat(markdown).contains(validated).contains(unproven).doesNotContain(retired).contains("PENDING")
                .contains("- Track record: 0 open");

        String csv = given().get("/api/v1/teams/" + team + "/review?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).contains("\r\n");
        assertThat(csv.split("\r\n")[0]).contains("metricId").contains("verdict").contains("pValue")
                .contains("qValue").contains("pooledEstimate");
        assertThat(csv).contains(validated).contains(unproven).doesNotContain(retired);

        given().get("/api/v1/teams/" + team + "/review?format=pdf").then().statusCode(400);
    }

    @Test
    void aRotationHandsMetricsOnAtEachHandoffAndPublishesACalendar() throws Exception {
        String team = team("rot");
        String first = propose(team, "ada");
        String second = propose(team, "ada");
        Instant startsAt = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        put("/api/v1/teams/" + team + "/rotation", Map.of("members", List.of("lena", "carl"), "period", "PT1H",
                "startsAt", startsAt.toString())).statusCode(200)
                .body("period", equalTo("PT1H"))
                .body("startsAt", equalTo(startsAt.toString().replace("Z", ".000Z")))
                .body("members", equalTo(List.of("lena", "carl")))
                .body("assignments", hasSize(2))
                .body("assignments[0].nextOwner", equalTo("lena"))
                .body("assignments[1].nextOwner", equalTo("carl"));
        view(first).body("nextOwner", equalTo("lena")).body("nextHandoffAt", notNullValue());

        Eventually.within(Duration.ofSeconds(30), () -> view(first).body("owner", equalTo("lena")));
        Eventually.within(Duration.ofSeconds(10), () -> view(second).body("owner", equalTo("carl")));
        List<Map<String, Object>> history = given().get("/api/v1/metrics/" + first + "/history").then()
                .extract().path("");
        Map<String, Object> rotated = history.get(history.size() - 1);
        assertThat(rotated.get("type")).isEqualTo("OwnershipRotated");
        assertThat(rotated.get("actor")).isEqualTo("system");
        assertThat(rotated.get("reason")).isEqualTo("scheduled rotation");

        given().get("/api/v1/teams/" + team + "/rotation").then().statusCode(200)
                .body("nextHandoffAt", notNullValue())
                .body("assignments.find { it.metricId == '" + first + "' }.owner", equalTo("lena"))
                .body("assignments.find { it.metricId == '" + first + "' }.nextOwner", equalTo("carl"));

        post("/api/v1/teams/" + team + "/rotation/overrides", Map.of("member", "carl", "replacement", "vera",
                "from", Instant.now().toString(), "to", Instant.now().plus(Duration.ofDays(1)).toString()))
                .statusCode(201).body("overrideId", notNullValue());
        given().get("/api/v1/teams/" + team + "/rotation").then()
                .body("overrides", hasSize(1))
                .body("assignments.find { it.metricId == '" + first + "' }.nextOwner", equalTo("vera"));

        String feed = given().get("/api/v1/teams/" + team + "/rotation.ics").then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(20);
        String lenas = given().get("/api/v1/teams/" + team + "/rotation.ics?member=lena").then().extract().asString();
        assertThat(new CalendarBuilder().build(new StringReader(lenas)).<VEvent>getComponents("VEVENT"))
                .allMatch(e -> e.getSummary().getValue().startsWith("lena "));

        put("/api/v1/teams/" + team + "/rotation", Map.of("members", List.of("lena", "lena"), "period", "PT1H",
                "startsAt", startsAt.toString())).statusCode(400).body("errors.field", hasItem("members"));
        put("/api/v1/teams/" + team + "/rotation", Map.of("members", List.of("lena"), "period", "PT1H",
                "startsAt", startsAt.toString())).statusCode(400);
        put("/api/v1/teams/" + team + "/rotation", Map.of("members", List.of("lena", "carl"), "period", "fortnightly",
                "startsAt", startsAt.toString())).statusCode(400).body("errors.field", hasItem("period"));

        given().delete("/api/v1/teams/" + team + "/rotation").then().statusCode(204);
        given().get("/api/v1/teams/" + team + "/rotation").then().statusCode(404);
        given().delete("/api/v1/teams/" + team + "/rotation").then().statusCode(409);
        view(first).body("owner", equalTo("lena")).body("nextOwner", nullValue());
    }
}
