package org.metriclifecycle.deploy.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
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

    @Test
    void aCheckpointIsMadeEveryIntervalWhileStreamsMoveAndNotWhileIdle() throws Exception {
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
