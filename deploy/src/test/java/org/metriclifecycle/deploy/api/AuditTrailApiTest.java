package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.metriclifecycle.deploy.support.Api.correlate;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.audit.ChainVerification;
import org.metriclifecycle.deploy.audit.EventChainVerifier;
import org.metriclifecycle.deploy.audit.EventHash;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * SPEC "Security": the hash chain on PostgreSQL. Tampering is done as the database owner over plain JDBC, the one
 * login that can still change stored events once the service runs as its restricted role.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AuditTrailApiTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static final String HASH = "[0-9a-f]{64}";

    @Inject
    EventChainVerifier verifier;

    @Test
    void aMetricsWholeLifeVerifiesIntact() throws SQLException {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "NEGATIVE", 0.7, 500);
        assertThat(correlate(metricId, hypothesisId, -0.8, 900)).isEqualTo("SUPPORTED");
        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "replaced by a human eval"))
                .statusCode(200);

        List<String[]> chain = chain(metricId);
        assertThat(chain).hasSize(4);
        String previous = EventHash.GENESIS;
        for (String[] link : chain) {
            assertThat(link[0]).isEqualTo(previous);
            assertThat(link[1]).matches(HASH);
            previous = link[1];
        }
        verify(metricId)
                .body("metricId", equalTo(metricId))
                .body("intact", equalTo(true))
                .body("events", equalTo(4))
                .body("head", equalTo(previous))
                .body("$", hasKey("brokenAt"))
                .body("brokenAt", nullValue());
    }

    @Test
    void anEditedPayloadIsNamedAtItsSequence() throws SQLException {
        String metricId = metricWithThreeEvents();
        try (Connection owner = OwnerConnection.open();
             PreparedStatement edit = owner.prepareStatement("UPDATE domain_event_entry SET payload = convert_to("
                     + "replace(convert_from(payload, 'UTF8'), 'user-reported errors', 'user-reported praise'), "
                     + "'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 1 "
                     + "AND convert_from(payload, 'UTF8') LIKE '%user-reported errors%'")) {
            edit.setString(1, metricId);
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
        verify(metricId)
                .body("intact", equalTo(false))
                .body("events", equalTo(3))
                .body("head", equalTo(chain(metricId).get(0)[1]))
                .body("brokenAt.sequence", equalTo(1))
                .body("brokenAt.problem", equalTo("hash mismatch"));
    }

    @Test
    void anEditWhoseHashWasRecomputedNoLongerLinks() throws SQLException {
        String metricId = metricWithThreeEvents();
        try (Connection owner = OwnerConnection.open()) {
            execute(owner, "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z' "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 1", metricId);
            // The forger rewrites sequence 1's own hash but leaves sequence 2 pointing at the original.
            String forged;
            try (PreparedStatement read = owner.prepareStatement("SELECT aggregate_identifier, sequence_number, "
                    + "payload_type, payload_revision, payload, meta_data, time_stamp FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 1")) {
                read.setString(1, metricId);
                try (ResultSet row = read.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    forged = EventHash.of(chain(metricId).get(0)[1], row.getString(1), row.getLong(2),
                            row.getString(3), row.getString(4), row.getBytes(5), row.getBytes(6), row.getString(7));
                }
            }
            execute(owner, "UPDATE event_chain SET hash = '" + forged + "' "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 1", metricId);
        }
        verify(metricId)
                .body("intact", equalTo(false))
                .body("head", equalTo(chain(metricId).get(1)[1]))
                .body("brokenAt.sequence", equalTo(2))
                .body("brokenAt.problem", equalTo("previous hash does not link"));
    }

    @Test
    void aDeletedChainEntryIsDetected() throws SQLException {
        String metricId = metricWithThreeEvents();
        try (Connection owner = OwnerConnection.open()) {
            execute(owner, "DELETE FROM event_chain WHERE aggregate_identifier = ? AND sequence_number = 1", metricId);
        }
        verify(metricId)
                .body("intact", equalTo(false))
                .body("events", equalTo(3))
                .body("brokenAt.sequence", equalTo(1))
                .body("brokenAt.problem", equalTo("missing chain entry"));
    }

    @Test
    void aDeletedMiddleEventIsDetected() throws SQLException {
        String metricId = metricWithThreeEvents();
        try (Connection owner = OwnerConnection.open()) {
            execute(owner, "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                    metricId);
        }
        verify(metricId)
                .body("intact", equalTo(false))
                .body("events", equalTo(2))
                .body("head", matchesPattern(HASH))
                .body("brokenAt.sequence", equalTo(1))
                .body("brokenAt.problem", equalTo("event missing"));
    }

    @Test
    void unknownMetricsAndTeamStreamsAreNotFound() {
        given().get("/api/v1/metrics/no-such-metric/history/verify").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        String team = freshTeam();
        propose(team, "ada");
        given().get("/api/v1/metrics/team:" + team + "/history/verify").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void teamStreamsAreChainedTheSameWay() {
        String team = freshTeam();
        propose(team, "ada");
        given().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", 3, "reason", "focus"))
                .put("/api/v1/teams/" + team + "/budget").then().statusCode(200);
        ChainVerification result = verifier.verify("team:" + team).orElseThrow();
        assertThat(result.intact()).isTrue();
        assertThat(result.events()).isEqualTo(2);
        assertThat(result.head()).matches(HASH);
    }

    private static String metricWithThreeEvents() {
        String metricId = propose(freshTeam(), "ada");
        String hypothesisId = link(metricId, "NEGATIVE", 0.7, 500);
        correlate(metricId, hypothesisId, -0.8, 900);
        verify(metricId).body("intact", equalTo(true)).body("events", equalTo(3));
        return metricId;
    }

    private static ValidatableResponse verify(String metricId) {
        return given().get("/api/v1/metrics/" + metricId + "/history/verify").then().statusCode(200);
    }

    /** The stream's chain rows, oldest first, as {previous_hash, hash}. */
    private static List<String[]> chain(String aggregateId) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection owner = OwnerConnection.open();
             PreparedStatement query = owner.prepareStatement("SELECT previous_hash, hash FROM event_chain "
                     + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            query.setString(1, aggregateId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new String[] {row.getString(1), row.getString(2)});
                }
            }
        }
        return rows;
    }

    private static void execute(Connection connection, String sql, String aggregateId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregateId);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
