package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** An admin rebuilds a projection from the event store; the rebuilt views equal the ones they replace. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ReplayTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void replayingTheViewsRebuildsThemExactly() throws Exception {
        String team = Api.freshTeam();
        List<String> metrics = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String metricId = Api.propose(team, "ada");
            Api.correlate(metricId, Api.link(metricId, "POSITIVE", 0.5, 10), 0.9, 50);
            metrics.add(metricId);
        }
        Api.post("/api/v1/metrics/" + metrics.get(0) + "/deprecation", Map.of("reason", "replaced")).statusCode(200);
        String views = snapshot(team, metrics);
        // Damage the read models behind the service's back: only a real rebuild from the event store restores them.
        try (Connection owner = OwnerConnection.open(); Statement sql = owner.createStatement()) {
            sql.executeUpdate("DELETE FROM metric_history WHERE metric_id = '" + metrics.get(2) + "'");
            sql.executeUpdate("DELETE FROM metric_view WHERE metric_id = '" + metrics.get(2) + "'");
        }
        assertThat(snapshot(team, metrics)).isNotEqualTo(views);

        for (String processor : List.of("metric-views", "team-views")) {
            given().post("/api/v1/admin/processors/" + processor + "/replay").then().statusCode(202)
                    .body("name", equalTo(processor));
        }
        Eventually.within(Duration.ofSeconds(30), () -> {
            for (String processor : List.of("metric-views", "team-views")) {
                given().get("/api/v1/admin/processors/" + processor).then().statusCode(200)
                        .body("replaying", equalTo(false)).body("lag", equalTo(0));
            }
            assertThat(snapshot(team, metrics)).isEqualTo(views);
        });

        // The service kept serving and keeps writing through the rebuilt views.
        Api.post("/api/v1/metrics/" + metrics.get(1) + "/deprecation", Map.of("reason", "after replay")).statusCode(200);
        Api.view(metrics.get(1)).body("status", equalTo("DEPRECATED"));
    }

    @Test
    void processorsReportTheirPositionAndOnlyAnAdminMayReplay() {
        given().get("/api/v1/admin/processors").then().statusCode(200)
                .body("name", hasItem("metric-views")).body("name", hasItem("team-views"))
                .body("name", hasItem("rotation-dispatch"));
        given().post("/api/v1/admin/processors/no-such-processor/replay").then().statusCode(404);
        Api.signInAs("lena");
        given().post("/api/v1/admin/processors/metric-views/replay").then().statusCode(403);
        given().get("/api/v1/admin/processors").then().statusCode(403);
    }

    @Test
    void prometheusShowsProcessorLagAndPendingDeadlines() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("metric_lifecycle_processor_lag{processor=\"metric-views\"}"))
                .body(containsString("metric_lifecycle_deadlines_pending"));
    }

    private static String snapshot(String team, List<String> metrics) {
        StringBuilder all = new StringBuilder(given().get("/api/v1/metrics?team=" + team).asString());
        for (String metricId : metrics) {
            all.append(given().get("/api/v1/metrics/" + metricId + "/history").asString());
        }
        return all.append(given().get("/api/v1/teams/" + team).asString()).toString();
    }
}
