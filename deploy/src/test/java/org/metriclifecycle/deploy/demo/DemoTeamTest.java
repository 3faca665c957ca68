package org.metriclifecycle.deploy.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.DemoPostgresProfile;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.OwnerConnection;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code metrics.demo=true} on an empty database: a living team through the ordinary commands, and only once. */
@QuarkusTest
@TestProfile(DemoPostgresProfile.class)
class DemoTeamTest {

    @Inject
    DemoTeam demo;

    @BeforeEach
    void signIn() {
        Api.signInAs("lena");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> statuses() {
        List<Map<String, Object>> items = given().get("/api/v1/metrics?team=search").then().statusCode(200)
                .extract().path("items");
        return items.stream().map(item -> (String) item.get("status")).collect(Collectors.toSet());
    }

    @Test
    void theDemoTeamHasAMetricInEachStatusOnceItsPastDeadlinesHaveFired() {
        // The link window that lapsed in the story's past is a real deadline, fired by the scheduler at start-up.
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(statuses()).containsExactlyInAnyOrder(
                "PROPOSED", "LINKED", "VALIDATED", "REFUTED", "DEPRIORITIZED", "DEPRECATED"));

        String grounded = DemoTeam.id("groundedness");
        given().get("/api/v1/metrics/" + grounded).then().statusCode(200)
                .body("status", equalTo("VALIDATED"))
                .body("version", equalTo("1.1"))
                .body("replaces", equalTo(List.of(DemoTeam.id("keyword-overlap"))))
                .body("blindSpots", hasSize(1))
                .body("revisions[0].deltas", hasSize(2))
                .body("hypotheses.status", hasItem("SUPPORTED"))
                .body("hypotheses[0].pooled.correlations", equalTo(3))
                .body("trackRecord.confirmed", equalTo(1))
                .body("trackRecord.diverged", equalTo(1))
                .body("trackRecord.open", equalTo(1));
        Eventually.within(Duration.ofSeconds(60), () -> given().get("/api/v1/metrics/" + grounded).then()
                .body("trackRecord.expired", equalTo(1)));
        given().get("/api/v1/metrics/" + grounded + "/correlations").then().body("total", equalTo(4));
        given().get("/api/v1/metrics/" + grounded + "/history/verify").then().statusCode(200)
                .body("intact", equalTo(true));
        given().get("/api/v1/metrics/" + DemoTeam.id("bleu") + "/history").then()
                .body("actor", hasItem("system"));

        given().get("/api/v1/teams/search").then().statusCode(200)
                .body("coreMetricLimit", equalTo(6))
                .body("members", equalTo(List.of("lena", "carl", "pipe")))
                .body("rotation.members", equalTo(List.of("lena", "carl")));
        given().get("/api/v1/teams/search/history").then().statusCode(200)
                .body("type", hasItem("TeamRosterSet")).body("size()", greaterThan(8));
        // The review covers the metrics still in use: the deprecated one is out.
        given().get("/api/v1/teams/search/review").then().statusCode(200).body("metrics", hasSize(5));
    }

    @Test
    void aDatabaseThatHoldsAnythingIsLeftAlone() throws Exception {
        long before = storedEvents();
        demo.load(null);
        assertThat(storedEvents()).isEqualTo(before).isGreaterThan(0);
    }

    private static long storedEvents() throws Exception {
        try (Connection connection = OwnerConnection.open();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
