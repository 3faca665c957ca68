package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Events stored in an older shape (HypothesisLinked revision 1, criteria as top-level fields) are read through
 * the whole stack: the projection shows them, the aggregate decides with them, the history lists them.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class UpcastingTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void aRevisionOneHypothesisWorksEverywhere() throws Exception {
        String metricId = UUID.randomUUID().toString();
        String team = Api.freshTeam();
        try (Connection owner = OwnerConnection.open()) {
            store(owner, metricId, 0, "org.metriclifecycle.events.MetricProposed", "1", "{\"metricId\":\"" + metricId
                    + "\",\"name\":\"legacy metric\",\"description\":null,\"team\":\"" + team + "\",\"owner\":\"ada\","
                    + "\"version\":\"1.0\",\"validFor\":null,\"rationale\":null,\"proposedAt\":\"2026-01-01T00:00:00Z\","
                    + "\"linkDeadline\":\"2099-01-01T00:00:00Z\"}", "2026-01-01T00:00:00Z");
            store(owner, metricId, 1, "org.metriclifecycle.events.HypothesisLinked", "1", "{\"metricId\":\"" + metricId
                    + "\",\"hypothesisId\":\"h-legacy\",\"outcome\":\"user-reported errors\",\"statement\":\"r <= -0.7\","
                    + "\"direction\":\"NEGATIVE\",\"minCorrelation\":0.7,\"minSampleSize\":500}", "2026-01-02T00:00:00Z");
        }

        // The past, folded from the old rows as they are read.
        given().get("/api/v1/metrics/" + metricId + "?asOf=2026-01-03T00:00:00.000Z").then().statusCode(200)
                .body("status", equalTo("LINKED"))
                .body("hypotheses[0].direction", equalTo("NEGATIVE"))
                .body("hypotheses[0].minCorrelation", equalTo(0.7f))
                .body("hypotheses[0].minSampleSize", equalTo(500));

        // The aggregate, rebuilt from the old rows, judges with the upcast criteria; the view, behind the imported
        // stream, catches up from it in the same transaction.
        assertThat(Api.correlate(metricId, "h-legacy", -0.75, 499)).isEqualTo("INCONCLUSIVE");
        Api.view(metricId).statusCode(200).body("status", equalTo("LINKED"))
                .body("hypotheses[0].direction", equalTo("NEGATIVE"))
                .body("hypotheses[0].minSampleSize", equalTo(500));
        assertThat(Api.correlate(metricId, "h-legacy", 0.9, 800)).isEqualTo("REFUTED");
        assertThat(Api.correlate(metricId, "h-legacy", -0.71, 800)).isEqualTo("SUPPORTED");
        Api.view(metricId).body("status", equalTo("VALIDATED"));
        given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                .body("[1].type", equalTo("HypothesisLinked")).body("[1].actor", equalTo("legacy-importer"));
        given().get("/api/v1/metrics/" + metricId + "?asOf=2026-01-03T00:00:00.000Z").then().statusCode(200)
                .body("hypotheses[0].minSampleSize", equalTo(500));
    }

    /**
     * A rebuild reads a stream of old rows (decoded through the upcasters) and current ones (decoded straight) and
     * folds it as the writes did: a damaged view and a lost history come back exactly as they were.
     */
    @Test
    void aRebuildFoldsOldAndCurrentRowsAsTheWritesDid() throws Exception {
        String metricId = UUID.randomUUID().toString();
        String team = Api.freshTeam();
        try (Connection owner = OwnerConnection.open()) {
            storeProposal(owner, metricId, "legacy metric", team, Instant.parse("2026-01-01T00:00:00Z"));
            store(owner, metricId, 1, "org.metriclifecycle.events.HypothesisLinked", "1", "{\"metricId\":\"" + metricId
                    + "\",\"hypothesisId\":\"h-legacy\",\"outcome\":\"user-reported errors\",\"statement\":\"r <= -0.7\","
                    + "\"direction\":\"NEGATIVE\",\"minCorrelation\":0.7,\"minSampleSize\":500}", "2026-01-02T00:00:00Z");
        }
        assertThat(Api.correlate(metricId, "h-legacy", -0.75, 499)).isEqualTo("INCONCLUSIVE");
        assertThat(Api.correlate(metricId, "h-legacy", -0.71, 800)).isEqualTo("SUPPORTED");
        String view = given().get("/api/v1/metrics/" + metricId).then().statusCode(200).extract().asString();
        String history = given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200).extract()
                .asString();

        try (Connection owner = OwnerConnection.open();
             PreparedStatement damage = owner.prepareStatement("UPDATE metric_view SET document ="
                     + " replace(document, 'legacy metric', 'damaged metric') WHERE metric_id = ?");
             PreparedStatement lose = owner.prepareStatement("DELETE FROM metric_history WHERE metric_id = ?")) {
            damage.setString(1, metricId);
            assertThat(damage.executeUpdate()).isEqualTo(1);
            lose.setString(1, metricId);
            assertThat(lose.executeUpdate()).isEqualTo(4);
        }
        Api.view(metricId).body("name", equalTo("damaged metric"));

        given().contentType(io.restassured.http.ContentType.JSON).post(ProjectionRebuildScenario.REBUILD).then()
                .statusCode(202);
        ProjectionRebuildScenario.awaitIdle();

        assertThat(given().get("/api/v1/metrics/" + metricId).asString()).isEqualTo(view);
        assertThat(given().get("/api/v1/metrics/" + metricId + "/history").asString()).isEqualTo(history);
    }

    /**
     * A hypothesis stored before the INTERVAL rule (HypothesisLinked revision 2) with a correlation judged then
     * (CorrelationRecorded revision 1): r = 0.72 over n = 120 against 0.70 was SUPPORTED by the first rule, and stays
     * so on replay (the INTERVAL rule would call it INCONCLUSIVE). New evidence for it is judged the first way too.
     */
    @Test
    void aHypothesisStoredBeforeTheIntervalRuleKeepsItsVerdictsOnReplay() throws Exception {
        String metricId = UUID.randomUUID().toString();
        String team = Api.freshTeam();
        Instant proposedAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        Instant recordedAt = proposedAt.plus(Duration.ofDays(1));
        Instant due = recordedAt.plus(Duration.ofDays(90));
        LocalDate periodEnd = LocalDate.ofInstant(proposedAt, ZoneOffset.UTC);
        try (Connection owner = OwnerConnection.open()) {
            storeProposal(owner, metricId, "legacy metric", team, proposedAt);
            store(owner, metricId, 1, "org.metriclifecycle.events.HypothesisLinked", "2", "{\"metricId\":\"" + metricId
                    + "\",\"hypothesisId\":\"h-old\",\"outcome\":\"user-reported errors\",\"statement\":\"r >= 0.7\","
                    + "\"criteria\":{\"direction\":\"POSITIVE\",\"minCorrelation\":0.7,\"minSampleSize\":100}}",
                    proposedAt.toString());
            store(owner, metricId, 2, "org.metriclifecycle.events.CorrelationRecorded", "1", "{\"metricId\":\""
                    + metricId + "\",\"correlationId\":\"c-old\",\"hypothesisId\":\"h-old\",\"coefficient\":0.72,"
                    + "\"sampleSize\":120,\"periodStart\":\"" + periodEnd.minusDays(30) + "\",\"periodEnd\":\""
                    + periodEnd + "\",\"method\":\"PEARSON\",\"source\":\"nightly\",\"definitionVersion\":\"1.0\","
                    + "\"verdict\":\"SUPPORTED\",\"recordedAt\":\"" + recordedAt + "\",\"revalidationDue\":\"" + due
                    + "\"}", recordedAt.toString());
        }

        given().get("/api/v1/metrics/" + metricId + "?asOf=" + recordedAt.plusSeconds(1)).then().statusCode(200)
                .body("status", equalTo("VALIDATED"))
                .body("revalidationDue", equalTo(ISO.format(due)))
                .body("hypotheses[0].decisionRule", equalTo("POINT"))
                .body("hypotheses[0].confidence", equalTo(0.95f))
                .body("hypotheses[0].latestCorrelation.verdict", equalTo("SUPPORTED"))
                .body("hypotheses[0].latestCorrelation.interval", nullValue());

        // The aggregate rebuilt from the old rows: an inconclusive sample (n < 100) changes nothing, and a POINT
        // verdict still compares r itself with the bar (0.72 over 150 is SUPPORTED, not INCONCLUSIVE).
        assertThat(Api.correlate(metricId, "h-old", 0.9, 50)).isEqualTo("INCONCLUSIVE");
        Api.view(metricId).statusCode(200).body("status", equalTo("VALIDATED"))
                .body("revalidationDue", equalTo(ISO.format(due)))
                .body("hypotheses[0].status", equalTo("SUPPORTED"));
        assertThat(Api.correlate(metricId, "h-old", 0.72, 150)).isEqualTo("SUPPORTED");
        given().get("/api/v1/metrics/" + metricId + "/correlations").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[2].correlationId", equalTo("c-old"))
                .body("items[2].verdict", equalTo("SUPPORTED"));
        given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                .body("[2].type", equalTo("CorrelationRecorded"));
    }

    /**
     * A correlation stored under CorrelationRecorded revision 2 lists the ids it counted. It is read by its list until
     * a new correlation names a counting window, which then decides for the old one too.
     */
    @Test
    void aStoredListOfCountedIdsGivesWayToTheWindowTheNextCorrelationNames() throws Exception {
        String metricId = UUID.randomUUID().toString();
        String team = Api.freshTeam();
        Instant proposedAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        Instant recordedAt = proposedAt.plus(Duration.ofDays(1));
        LocalDate periodEnd = LocalDate.ofInstant(proposedAt, ZoneOffset.UTC);
        try (Connection owner = OwnerConnection.open()) {
            storeProposal(owner, metricId, "pooled metric", team, proposedAt);
            store(owner, metricId, 1, "org.metriclifecycle.events.HypothesisLinked", "3", "{\"metricId\":\"" + metricId
                    + "\",\"hypothesisId\":\"h-1\",\"outcome\":\"user-reported errors\",\"statement\":\"r >= 0.5\","
                    + "\"criteria\":{\"direction\":\"POSITIVE\",\"minCorrelation\":0.5,\"minSampleSize\":100},"
                    + "\"decisionRule\":\"INTERVAL\",\"confidence\":0.95}", proposedAt.toString());
            store(owner, metricId, 2, "org.metriclifecycle.events.CorrelationRecorded", "2", "{\"metricId\":\""
                    + metricId + "\",\"correlationId\":\"c-old\",\"hypothesisId\":\"h-1\",\"coefficient\":0.8,"
                    + "\"sampleSize\":1200,\"periodStart\":\"" + periodEnd.minusDays(30) + "\",\"periodEnd\":\""
                    + periodEnd + "\",\"method\":\"PEARSON\",\"source\":\"nightly\",\"definitionVersion\":\"1.0\","
                    + "\"verdict\":\"SUPPORTED\",\"recordedAt\":\"" + recordedAt + "\",\"revalidationDue\":\""
                    + periodEnd.plusDays(91).atStartOfDay(ZoneOffset.UTC).toInstant() + "\",\"interval\":{\"low\":0.78,"
                    + "\"high\":0.82},\"supersedes\":null,\"hypothesisStatus\":\"SUPPORTED\",\"pooled\":{\"estimate\":0.8,"
                    + "\"low\":0.78,\"high\":0.82,\"sampleSize\":1200,\"correlations\":1,\"q\":0.0,\"iSquared\":0.0,"
                    + "\"zBar\":1.0986,\"standardError\":0.0289},\"counted\":[\"c-old\"]}", recordedAt.toString());
        }

        given().get("/api/v1/metrics/" + metricId + "?asOf=" + recordedAt.plusSeconds(1)).then().statusCode(200)
                .body("status", equalTo("VALIDATED"))
                .body("hypotheses[0].latestCorrelation.counted", equalTo(true));
        Map<String, Object> another = Api.correlation("h-1", 0.7, 800);
        another.put("periodStart", periodEnd.minusDays(60).toString());
        another.put("periodEnd", periodEnd.minusDays(31).toString());
        another.put("source", "nightly");
        Api.post("/api/v1/metrics/" + metricId + "/correlations", another).statusCode(201)
                .body("hypothesisStatus", equalTo("SUPPORTED"));
        given().get("/api/v1/metrics/" + metricId + "/correlations").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.correlationId[1]", equalTo("c-old"))
                .body("items.counted", contains(true, true));
        Api.view(metricId).statusCode(200)
                .body("hypotheses[0].pooled.correlations", equalTo(2))
                .body("hypotheses[0].pooled.sampleSize", equalTo(2000))
                .body("hypotheses[0].latestCorrelation.counted", equalTo(true));
    }

    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A MetricProposed revision 1, as stored before any change to its shape, by ada with version 1.0. */
    private static void storeProposal(Connection owner, String metricId, String name, String team, Instant proposedAt)
            throws Exception {
        store(owner, metricId, 0, "org.metriclifecycle.events.MetricProposed", "1", "{\"metricId\":\"" + metricId
                + "\",\"name\":\"" + name + "\",\"description\":null,\"team\":\"" + team + "\",\"owner\":\"ada\","
                + "\"version\":\"1.0\",\"validFor\":null,\"rationale\":null,\"proposedAt\":\"" + proposedAt + "\","
                + "\"linkDeadline\":\"" + proposedAt.plus(Duration.ofDays(42)) + "\"}", proposedAt.toString());
    }

    private static void store(Connection owner, String metricId, long sequence, String type, String revision,
                              String payload, String timestamp) throws Exception {
        try (PreparedStatement insert = owner.prepareStatement("INSERT INTO domain_event_entry (aggregate_identifier, "
                + "sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type, "
                + "time_stamp) VALUES (?, ?, 'MetricAggregate', ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, metricId);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, "{\"actor\":\"legacy-importer\"}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(6, revision);
            insert.setString(7, type);
            insert.setString(8, timestamp);
            insert.executeUpdate();
        }
    }
}
