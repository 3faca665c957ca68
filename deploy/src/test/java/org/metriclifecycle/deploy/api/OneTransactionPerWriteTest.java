package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * SPEC "Operating and scale": a command's events, chain links and views commit in one transaction. A view the
 * database refuses to write must take the command's events down with it, and a write that answered is readable at
 * once, with no waiting and no pending flag.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class OneTransactionPerWriteTest {

    private static final String POISON = "poison-pill-for-the-views";

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void aViewThatCannotBeWrittenRollsTheCommandBack() throws SQLException {
        String metricId = propose(freshTeam(), "ada");
        long eventsBefore = count("domain_event_entry", metricId);
        long linksBefore = count("event_chain", metricId);
        try (Connection owner = OwnerConnection.open(); Statement statement = owner.createStatement()) {
            // Only this test's poisoned writes trip it: the history row of a hypothesis with that outcome.
            statement.execute("ALTER TABLE metric_history ADD CONSTRAINT refuse_poison "
                    + "CHECK (changes NOT LIKE '%" + POISON + "%')");
        }
        try {
            given().contentType(ContentType.JSON).body(Map.of("outcome", POISON, "statement", "r >= 0.5",
                            "direction", "POSITIVE", "minCorrelation", 0.5, "minSampleSize", 10))
                    .post("/api/v1/metrics/" + metricId + "/hypotheses").then().statusCode(500);
        } finally {
            try (Connection owner = OwnerConnection.open(); Statement statement = owner.createStatement()) {
                statement.execute("ALTER TABLE metric_history DROP CONSTRAINT refuse_poison");
            }
        }

        assertThat(count("domain_event_entry", metricId)).as("events of the refused write").isEqualTo(eventsBefore);
        assertThat(count("event_chain", metricId)).as("chain links of the refused write").isEqualTo(linksBefore);
        Api.view(metricId).body("status", equalTo("PROPOSED")).body("hypotheses.size()", equalTo(0));
        // The stream is not wedged: the next write goes through and is chained on the last stored event.
        link(metricId, "POSITIVE", 0.5, 10);
        Api.view(metricId).body("status", equalTo("LINKED"));
        given().get("/api/v1/metrics/" + metricId + "/history/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void aProjectionThatFailsInItsHandlerRollsTheCommandBack() throws SQLException {
        String metricId = propose(freshTeam(), "ada");
        long eventsBefore = count("domain_event_entry", metricId);
        String document;
        try (Connection owner = OwnerConnection.open();
             PreparedStatement damage = owner.prepareStatement(
                     "UPDATE metric_view SET document = '{not json' WHERE metric_id = ? RETURNING 1")) {
            document = readDocument(owner, metricId);
            damage.setString(1, metricId);
            damage.execute();
        }
        try {
            // The projection cannot read the view it must fold the new event onto: the command must not commit.
            given().contentType(ContentType.JSON).body(Api.hypothesis("POSITIVE", 0.5, 10))
                    .post("/api/v1/metrics/" + metricId + "/hypotheses").then().statusCode(500);
            assertThat(count("domain_event_entry", metricId)).as("events of the failed write").isEqualTo(eventsBefore);
        } finally {
            try (Connection owner = OwnerConnection.open();
                 PreparedStatement repair = owner.prepareStatement(
                         "UPDATE metric_view SET document = ? WHERE metric_id = ?")) {
                repair.setString(1, document);
                repair.setString(2, metricId);
                repair.executeUpdate();
            }
        }
        link(metricId, "POSITIVE", 0.5, 10);
        Api.view(metricId).body("status", equalTo("LINKED"));
    }

    /**
     * A write folds its event onto the view the service last wrote without reading the row first, with a statement
     * that only succeeds while the row still holds that view; a row changed since (a rebuild's repair, another
     * instance) must be folded onto as it is, never overwritten from memory.
     */
    @Test
    void aViewChangedBehindTheServicesBackIsFoldedOntoNotOverwritten() throws SQLException {
        String metricId = propose(freshTeam(), "ada");
        link(metricId, "POSITIVE", 0.5, 10);
        try (Connection owner = OwnerConnection.open();
             PreparedStatement change = owner.prepareStatement(
                     "UPDATE metric_view SET document = ?, owner = 'vera' WHERE metric_id = ?")) {
            String document = readDocument(owner, metricId);
            assertThat(document).contains("\"owner\":\"ada\"");
            change.setString(1, document.replace("\"owner\":\"ada\"", "\"owner\":\"vera\""));
            change.setString(2, metricId);
            assertThat(change.executeUpdate()).isEqualTo(1);
        }

        link(metricId, "NEGATIVE", 0.4, 20);

        Api.view(metricId).body("owner", equalTo("vera")).body("hypotheses.size()", equalTo(2));
        given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                .body("size()", equalTo(3)).body("[2].type", equalTo("HypothesisLinked"));
        // And the next write, again from what the service just wrote, keeps it.
        link(metricId, "POSITIVE", 0.6, 30);
        Api.view(metricId).body("owner", equalTo("vera")).body("hypotheses.size()", equalTo(3));
    }

    @Test
    void aTeamViewChangedBehindTheServicesBackIsFoldedOntoNotOverwritten() throws SQLException {
        String team = freshTeam();
        propose(team, "ada");
        try (Connection owner = OwnerConnection.open();
             PreparedStatement change = owner.prepareStatement(
                     "UPDATE team_view SET document = replace(document, '\"coreMetricLimit\":null',"
                             + " '\"coreMetricLimit\":5') WHERE team = ?"
                             + " AND document LIKE '%\"coreMetricLimit\":null%'")) {
            change.setString(1, team);
            assertThat(change.executeUpdate()).isEqualTo(1);
        }

        propose(team, "ada");

        given().get("/api/v1/teams/" + team).then().statusCode(200).body("coreMetricLimit", equalTo(5))
                .body("metricsCounted", equalTo(2));
    }

    @Test
    void aWriteIsReadableTheMomentItAnswersWithNothingPending() {
        String team = freshTeam();
        for (int i = 0; i < 6; i++) {
            String metricId = given().contentType(ContentType.JSON).body(Api.metric(team, "ada"))
                    .post("/api/v1/metrics").then().statusCode(201).header("Projection-Pending", (String) null)
                    .extract().path("metricId");
            String hypothesisId = link(metricId, "POSITIVE", 0.5, 10);
            Api.view(metricId).body("status", equalTo("LINKED"))
                    .body("hypotheses[0].hypothesisId", equalTo(hypothesisId));
            given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                    .body("size()", equalTo(2));
        }
        given().get("/api/v1/teams/" + team).then().statusCode(200).body("metricsCounted", equalTo(6));
    }

    private static String readDocument(Connection owner, String metricId) throws SQLException {
        try (PreparedStatement query = owner.prepareStatement("SELECT document FROM metric_view WHERE metric_id = ?")) {
            query.setString(1, metricId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static long count(String table, String metricId) throws SQLException {
        try (Connection owner = OwnerConnection.open();
             PreparedStatement query = owner.prepareStatement(
                     "SELECT count(*) FROM " + table + " WHERE aggregate_identifier = ?")) {
            query.setString(1, metricId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
