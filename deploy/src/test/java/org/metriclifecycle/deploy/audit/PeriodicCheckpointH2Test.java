package org.metriclifecycle.deploy.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.PeriodicCheckpointH2Profile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A checkpoint every metrics.audit.checkpoint-interval (a second here) without anyone asking, and none while no
 * stream moves: an idle store gains no rows.
 */
@QuarkusTest
@TestProfile(PeriodicCheckpointH2Profile.class)
class PeriodicCheckpointH2Test {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    ActiveDatabase database;

    @Test
    void aCheckpointIsMadeEveryIntervalWhileStreamsMoveAndNotWhileIdle() throws Exception {
        // Before any write: the recurring task has its row, and it is no pending deadline.
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT task_name FROM scheduled_tasks")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("audit-checkpoint");
            assertThat(row.next()).isFalse();
        }
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("metric_lifecycle_deadlines_pending 0.0");

        Api.signInAs("ada");
        String first = propose(freshTeam(), "ada");
        Eventually.within(PATIENCE, () -> assertThat(listedStreams()).contains(first));
        String second = propose(freshTeam(), "ada");
        Eventually.within(PATIENCE, () -> assertThat(listedStreams()).contains(first, second));
        String latest = latest().getString("checkpointId");
        Thread.sleep(3_500);
        assertThat(latest().getString("checkpointId")).as("no stream moved: no new checkpoint").isEqualTo(latest);
    }

    private static List<String> listedStreams() {
        JsonPath latest = latest();
        return latest == null ? List.of() : latest.getList("streams.streamId");
    }

    /** The newest checkpoint as a viewer reads it, or null while there is none. */
    private static JsonPath latest() {
        var response = given().auth().preemptive().basic("vera", "vera").get("/api/v1/audit/checkpoints/latest");
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
