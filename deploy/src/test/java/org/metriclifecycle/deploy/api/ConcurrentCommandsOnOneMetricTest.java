package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Many clients write to one metric at once: every write is either applied (2xx) or refused (409), never lost,
 * never doubled, and the stream stays gap-free.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ConcurrentCommandsOnOneMetricTest {

    private static final int CLIENTS = 16;
    private static final int WRITES_PER_CLIENT = 10;

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void everyWriteIsAppliedOnceOrRefused() throws Exception {
        String metricId = Api.propose(Api.freshTeam(), "ada");
        String hypothesisId = Api.link(metricId, "POSITIVE", 0.5, 1_000);

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit((Callable<List<Integer>>) () -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < WRITES_PER_CLIENT; i++) {
                    statuses.add(given().auth().preemptive().basic("ada", "ada").contentType(ContentType.JSON)
                            .body(Api.correlation(hypothesisId, 0.1, 10))
                            .post("/api/v1/metrics/" + metricId + "/correlations").then().extract().statusCode());
                }
                return statuses;
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> client : clients) {
            statuses.addAll(client.get());
        }
        pool.shutdown();

        assertThat(statuses).hasSize(CLIENTS * WRITES_PER_CLIENT).allMatch(s -> s == 201 || s == 409);
        long applied = statuses.stream().filter(s -> s == 201).count();
        assertThat(applied).isPositive();

        List<Map<String, Object>> history = given().get("/api/v1/metrics/" + metricId + "/history").then()
                .statusCode(200).extract().path("");
        assertThat(history.stream().filter(e -> "CorrelationRecorded".equals(e.get("type"))).count()).isEqualTo(applied);
        for (int i = 0; i < history.size(); i++) {
            assertThat(((Number) history.get(i).get("sequence")).intValue()).isEqualTo(i);
        }
        given().get("/api/v1/metrics/" + metricId + "/history/verify").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
    }
}
