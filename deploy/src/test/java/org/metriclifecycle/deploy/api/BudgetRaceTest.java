package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.metriclifecycle.deploy.support.Api.metric;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Many proposals race for a team's last budget slot on PostgreSQL: exactly one wins, nothing is half-done. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class BudgetRaceTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static final int RACERS = 12;

    @Test
    void exactlyOneProposalTakesTheLastSlot() throws Exception {
        String team = "race-" + Long.toString(System.nanoTime(), 36);
        given().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", 3)).put("/api/v1/teams/" + team + "/budget")
                .then().statusCode(200);
        propose(team, "ada");
        propose(team, "ada");

        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Map<String, Object> body = metric(team, "racer-" + i);
            answers.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return given().contentType(ContentType.JSON).body(body).post("/api/v1/metrics").then().extract()
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        given().get("/api/v1/metrics?team=" + team).then().body("total", equalTo(3));
        given().get("/api/v1/teams/" + team).then().body("metricsCounted", equalTo(3));
    }
}
