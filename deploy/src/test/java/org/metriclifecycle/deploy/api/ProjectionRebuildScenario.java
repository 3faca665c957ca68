package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.ops.ProjectionRebuild;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.metric.ViewJson;
import org.metriclifecycle.query.rebuild.MetricStreamFold;
import org.metriclifecycle.query.rebuild.RebuildEvent;
import org.metriclifecycle.query.rebuild.RebuildWriter;
import org.metriclifecycle.query.rebuild.StreamFolds;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;

/**
 * SPEC "Operating and scale", Rebuild, end to end: read models damaged behind the service's back are rebuilt from the
 * event store while writes go on through the API, and end equal to the incremental ones and to a fold of the store.
 * Run on PostgreSQL ({@link ProjectionRebuildTest}) and on the embedded H2 ({@link ProjectionRebuildH2Test}), both with
 * small paused batches (RebuildPostgresProfile.SMALL_BATCHES) so the rebuild lasts seconds.
 */
abstract class ProjectionRebuildScenario {

    static final String REBUILD = "/api/v1/admin/projections/rebuild";
    private static final String FAR_FUTURE = "2100-01-01T00:00:00Z";

    @Inject
    ActiveDatabase database;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    MetricViewStore metricViews;

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void rebuildRestoresDamagedViewsWhileWritesGoOnAndLosesNone() throws Exception {
        String team = Api.freshTeam();
        String busyTeam = Api.freshTeam();
        List<String> quiet = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String metricId = Api.propose(team, "ada");
            Api.correlate(metricId, Api.link(metricId, "POSITIVE", 0.5, 10), 0.9, 50);
            quiet.add(metricId);
        }
        Api.post("/api/v1/metrics/" + quiet.get(0) + "/deprecation", Map.of("reason", "replaced")).statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", 12, "reason", "more room"))
                .put("/api/v1/teams/" + team + "/budget").then().statusCode(200);
        String kept = subscribe(team);
        given().delete("/api/v1/teams/" + team + "/webhooks/" + subscribe(team)).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", 50))
                .put("/api/v1/teams/" + busyTeam + "/budget").then().statusCode(200);
        Map<String, String> hypotheses = new ConcurrentHashMap<>();
        List<String> busy = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            String metricId = Api.propose(busyTeam, "ada");
            hypotheses.put(metricId, Api.link(metricId, "POSITIVE", 0.5, 10));
            busy.add(metricId);
        }
        String before = snapshot(quiet, List.of(team));
        assertThat(before).contains(kept);
        List<String> busyHistoryBefore = new ArrayList<>();
        for (String metricId : busy) {
            busyHistoryBefore.add(given().get("/api/v1/metrics/" + metricId + "/history").asString());
        }

        String ghost = "ghost-" + quiet.get(5);
        damage(quiet, busy, team, ghost);
        assertThat(snapshot(quiet, List.of(team))).isNotEqualTo(before);
        given().get("/api/v1/metrics/" + ghost).then().statusCode(200);

        // Writers through the API for the whole rebuild: correlations on the busy metrics, budgets and new metrics.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean();
        AtomicInteger writesWhileRunning = new AtomicInteger();
        Map<String, Integer> correlations = new ConcurrentHashMap<>();
        AtomicReference<Integer> lastLimit = new AtomicReference<>(50);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread correlating = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String metricId = busy.get(i % busy.size());
                Response answer = given().contentType(ContentType.JSON)
                        .body(Api.correlation(hypotheses.get(metricId), 0.2 + (i % 7) / 10.0, 20 + i))
                        .post("/api/v1/metrics/" + metricId + "/correlations");
                if (answer.statusCode() == 201) {
                    correlations.merge(metricId, 1, Integer::sum);
                    if (running.get()) {
                        writesWhileRunning.incrementAndGet();
                    }
                } else {
                    failures.add("correlation " + answer.statusCode() + " " + answer.asString());
                }
            }
        });
        Thread governing = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                int limit = 50 + i % 10;
                Response answer = given().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", limit))
                        .put("/api/v1/teams/" + busyTeam + "/budget");
                if (answer.statusCode() == 200) {
                    lastLimit.set(limit);
                } else {
                    failures.add("budget " + answer.statusCode() + " " + answer.asString());
                }
                if (i % 4 == 0 && busy.size() < 8) {
                    Response proposed = given().contentType(ContentType.JSON).body(Api.metric(busyTeam, "ada"))
                            .post("/api/v1/metrics");
                    if (proposed.statusCode() == 201) {
                        String metricId = proposed.path("metricId");
                        hypotheses.put(metricId, Api.link(metricId, "POSITIVE", 0.5, 10));
                        busy.add(metricId);
                    } else {
                        failures.add("proposal " + proposed.statusCode() + " " + proposed.asString());
                    }
                }
                sleep(20);
            }
        });
        correlating.start();
        governing.start();
        Instant asked = Instant.now();
        try {
            sleep(200);
            running.set(true);
            given().contentType(ContentType.JSON).post(REBUILD).then().statusCode(202)
                    .body("state", equalTo("RUNNING"))
                    .body("startedAt", notNullValue())
                    .body("finishedAt", nullValue());
            // One at a time. (JSON content type: a bodyless POST from RestAssured carries a Content-Type of its own, which
            // the write guard refuses with 415; curl -X POST without one is fine.)
            given().contentType(ContentType.JSON).post(REBUILD).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(409)).body("rebuild.state", equalTo("RUNNING"));
            given().get(REBUILD).then().statusCode(200).body("state", equalTo("RUNNING"));
            awaitIdle();
            running.set(false);
            sleep(300); // and writes go on after it
        } finally {
            stop.set(true);
            correlating.join();
            governing.join();
        }
        assertThat(failures).isEmpty();
        assertThat(writesWhileRunning.get()).as("writes answered while the rebuild ran").isGreaterThan(5);

        Response status = given().get(REBUILD);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.<String>path("state")).isEqualTo("IDLE");
        long applied = ((Number) status.path("eventsApplied")).longValue();
        long total = ((Number) status.path("eventsTotal")).longValue();
        assertThat(total).isGreaterThanOrEqualTo(40);
        assertThat(applied).isEqualTo(total);
        assertThat(((Number) status.path("eventsPerSecond")).doubleValue()).isPositive();
        Instant startedAt = Instant.parse(status.path("startedAt"));
        assertThat(startedAt).isAfterOrEqualTo(asked.minusSeconds(1));
        assertThat(Instant.parse(status.<String>path("finishedAt"))).isAfter(startedAt);
        assertThat(status.<String>path("error")).isNull();

        // The quiet metrics and team are exactly what the incremental projections had made; the ghost is gone.
        assertThat(snapshot(quiet, List.of(team))).isEqualTo(before);
        given().get("/api/v1/metrics/" + ghost).then().statusCode(404);
        // Every view is the fold of its stream, every history one entry per stored event; no busy write was lost.
        List<String> all = new ArrayList<>(quiet);
        all.addAll(busy);
        for (String metricId : all) {
            assertThat(given().get("/api/v1/metrics/" + metricId).asString()).as(metricId)
                    .isEqualTo(given().get("/api/v1/metrics/" + metricId + "?asOf=" + FAR_FUTURE).asString());
            int events = given().get("/api/v1/metrics/" + metricId + "/history/verify").then().statusCode(200)
                    .extract().path("events");
            List<Integer> sequences = given().get("/api/v1/metrics/" + metricId + "/history").then().statusCode(200)
                    .extract().path("sequence");
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                expected.add(i);
            }
            assertThat(sequences).as(metricId).isEqualTo(expected);
        }
        for (int i = 0; i < 3; i++) {
            String metricId = busy.get(i);
            assertThat(given().get("/api/v1/metrics/" + metricId + "/history").<List<Object>>path("sequence"))
                    .hasSize(2 + correlations.getOrDefault(metricId, 0));
            // What the incremental projection had written before is still there, entry for entry.
            String history = given().get("/api/v1/metrics/" + metricId + "/history").asString();
            String old = busyHistoryBefore.get(i);
            assertThat(history).startsWith(old.substring(0, old.length() - 1));
        }
        given().get("/api/v1/teams/" + busyTeam).then().statusCode(200)
                .body("coreMetricLimit", equalTo(lastLimit.get()));

        // A second rebuild with nobody writing is a fold of the store alone: it changes nothing.
        List<String> teams = List.of(team, busyTeam);
        String rebuilt = snapshot(all, teams);
        given().contentType(ContentType.JSON).post(REBUILD).then().statusCode(202);
        awaitIdle();
        assertThat(snapshot(all, teams)).isEqualTo(rebuilt);
    }

    /**
     * The protocol's hinge, deterministically: a writer's projection reads its view row with a lock that holds a
     * rebuild batch that must rewrite that stream back until the writer commits (so the batch's re-check then sees its
     * events). The view is damaged first: a batch leaves a stream that already equals its fold alone, unlocked (the
     * next test).
     */
    @Test
    void aWritersLockedViewRowHoldsTheRebuildBatchBackUntilItCommits() throws Exception {
        String metricId = Api.propose(Api.freshTeam(), "ada");
        try (Connection connection = database.dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE metric_view SET document = REPLACE(document, '\"owner\":\"ada\"',"
                    + " '\"owner\":\"mallory\"') WHERE metric_id = '" + metricId + "'");
        }
        List<MetricStreamFold> batch = foldedBatch(metricId);
        assertThat(batch).hasSize(1);

        ViewLock writer = holdViewLock(metricId);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Long> written = executor.submit(() -> {
                try (Connection connection = database.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    long extra = new RebuildWriter(ViewJson.mapper(), rebuild).writeMetrics(connection, batch);
                    connection.commit();
                    return extra;
                }
            });
            assertThatThrownBy(() -> written.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            writer.close();
            assertThat(written.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            writer.close();
            executor.shutdownNow();
        }
        assertThat(given().get("/api/v1/metrics/" + metricId).asString())
                .isEqualTo(given().get("/api/v1/metrics/" + metricId + "?asOf=" + FAR_FUTURE).asString());
    }

    /**
     * A batch over a stream whose rows already equal its fold takes no lock and writes nothing: it does not wait for a
     * writer holding the stream's view row, and the view stays as the writer leaves it.
     */
    @Test
    void aBatchLeavesAStreamThatEqualsItsFoldAloneWithoutWaitingForItsLock() throws Exception {
        String metricId = Api.propose(Api.freshTeam(), "ada");
        Api.link(metricId, "POSITIVE", 0.5, 10);
        List<MetricStreamFold> batch = foldedBatch(metricId);
        String before = given().get("/api/v1/metrics/" + metricId + "/history").asString();

        try (ViewLock writer = holdViewLock(metricId);
             Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            assertThat(new RebuildWriter(ViewJson.mapper(), rebuild).writeMetrics(connection, batch)).isZero();
            connection.commit();
        }
        assertThat(given().get("/api/v1/metrics/" + metricId + "/history").asString()).isEqualTo(before);
        assertThat(given().get("/api/v1/metrics/" + metricId).asString())
                .isEqualTo(given().get("/api/v1/metrics/" + metricId + "?asOf=" + FAR_FUTURE).asString());
    }

    /**
     * The other side of the hinge: a write that comes while a batch holds its stream's view row waits for the batch's
     * commit, then folds its event onto the rebuilt row (its view was damaged before: a write that read it without
     * waiting would carry the damage on).
     */
    @Test
    void aWriteDuringABatchWaitsAndFoldsOntoTheRebuiltRow() throws Exception {
        String metricId = Api.propose(Api.freshTeam(), "ada");
        String hypothesis = Api.link(metricId, "POSITIVE", 0.5, 10);
        try (Connection connection = database.dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE metric_view SET document = REPLACE(document, '\"owner\":\"ada\"',"
                    + " '\"owner\":\"mallory\"') WHERE metric_id = '" + metricId + "'");
        }
        StreamFolds folds = new StreamFolds(ViewJson.mapper(), Map.of());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection batch = database.dataSource().getConnection()) {
            for (RebuildEvent event : rebuild.eventsAfter(batch, metricId, -1)) {
                folds.apply(event);
            }
            folds.finish();
            batch.setAutoCommit(false);
            new RebuildWriter(ViewJson.mapper(), rebuild).writeMetrics(batch, folds.takeMetrics(10, 100));
            // The batch has written, not committed: a correlation now must wait for it.
            Future<Integer> write = executor.submit(() -> given().contentType(ContentType.JSON)
                    .body(Api.correlation(hypothesis, 0.9, 50))
                    .post("/api/v1/metrics/" + metricId + "/correlations").statusCode());
            assertThatThrownBy(() -> write.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            batch.commit();
            batch.setAutoCommit(true);
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(201);
        } finally {
            executor.shutdownNow();
        }
        String view = given().get("/api/v1/metrics/" + metricId).asString();
        assertThat(view).contains("\"owner\":\"ada\"").contains("\"verdict\"")
                .isEqualTo(given().get("/api/v1/metrics/" + metricId + "?asOf=" + FAR_FUTURE).asString());
        assertThat(given().get("/api/v1/metrics/" + metricId + "/history").<List<Integer>>path("sequence"))
                .containsExactly(0, 1, 2);
    }

    @Test
    void onlyAnAdminMayRebuildOrAsk() {
        Api.signInAs("lena");
        given().contentType(ContentType.JSON).post(REBUILD).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().get(REBUILD).then().statusCode(403);
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.DEFAULT_AUTH;
        given().get(REBUILD).then().statusCode(401);
        Api.signInAs("ada");
        given().get(REBUILD).then().statusCode(200).body("state", notNullValue())
                .body("$", org.hamcrest.Matchers.hasKey("eventsApplied"))
                .body("$", org.hamcrest.Matchers.hasKey("eventsTotal"))
                .body("$", org.hamcrest.Matchers.hasKey("startedAt"))
                .body("$", org.hamcrest.Matchers.hasKey("finishedAt"))
                .body("$", org.hamcrest.Matchers.hasKey("eventsPerSecond"));
    }

    /** The metric's stream folded from the event store, as the one ready stream of a batch. */
    private List<MetricStreamFold> foldedBatch(String metricId) throws SQLException {
        StreamFolds folds = new StreamFolds(ViewJson.mapper(), Map.of());
        try (Connection connection = database.dataSource().getConnection()) {
            for (RebuildEvent event : rebuild.eventsAfter(connection, metricId, -1)) {
                folds.apply(event);
            }
        }
        folds.finish();
        return folds.takeMetrics(10, 100);
    }

    /** A writer's projection holding the metric's view row lock, in a transaction of its own, until closed. */
    private interface ViewLock extends AutoCloseable {
        @Override
        void close() throws InterruptedException;
    }

    private ViewLock holdViewLock(String metricId) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(metricViews.findForUpdate(metricId)).isPresent();
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        writer.start();
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        return () -> {
            release.countDown();
            writer.join();
        };
    }

    private void damage(List<String> quiet, List<String> busy, String team, String ghost) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            // a metric without view or history
            sql.executeUpdate("DELETE FROM metric_history WHERE metric_id = '" + quiet.get(1) + "'");
            sql.executeUpdate("DELETE FROM metric_view WHERE metric_id = '" + quiet.get(1) + "'");
            // a view that says something else
            sql.executeUpdate("UPDATE metric_view SET owner = 'mallory', document = REPLACE(document,"
                    + " '\"owner\":\"ada\"', '\"owner\":\"mallory\"') WHERE metric_id = '" + quiet.get(2) + "'");
            // history with an entry missing, and one with a forged actor
            sql.executeUpdate("DELETE FROM metric_history WHERE metric_id = '" + quiet.get(3)
                    + "' AND sequence_number = 1");
            sql.executeUpdate("UPDATE metric_history SET actor = 'mallory' WHERE metric_id = '" + quiet.get(4) + "'");
            // a team view and its webhook subscriptions gone
            sql.executeUpdate("DELETE FROM team_view WHERE team = '" + team + "'");
            sql.executeUpdate("DELETE FROM webhook_subscription WHERE team = '" + team + "'");
            // a metric nobody ever proposed
            sql.executeUpdate("INSERT INTO metric_view (metric_id, team, owner, status, proposed_at, last_sequence,"
                    + " document) SELECT '" + ghost + "', team, owner, status, proposed_at, last_sequence,"
                    + " REPLACE(document, metric_id, '" + ghost + "') FROM metric_view WHERE metric_id = '"
                    + quiet.get(5) + "'");
            // a busy metric's view with a stale document (it keeps its row: writers lock it)
            sql.executeUpdate("UPDATE metric_view SET document = REPLACE(document, '\"owner\":\"ada\"',"
                    + " '\"owner\":\"mallory\"') WHERE metric_id = '" + busy.get(0) + "'");
        }
    }

    private static String subscribe(String team) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook-" + team, "events", List.of("metric.deprecated")))
                .post("/api/v1/teams/" + team + "/webhooks").then().statusCode(201).extract().path("subscriptionId");
    }

    static void awaitIdle() {
        Eventually.within(Duration.ofSeconds(90), () ->
                given().get(REBUILD).then().statusCode(200).body("state", equalTo("IDLE")));
    }

    private static String snapshot(List<String> metrics, List<String> teams) {
        StringBuilder all = new StringBuilder();
        for (String metricId : metrics) {
            Response view = given().get("/api/v1/metrics/" + metricId);
            all.append(view.statusCode()).append(view.asString())
                    .append(given().get("/api/v1/metrics/" + metricId + "/history").asString()).append('\n');
        }
        for (String team : teams) {
            all.append(given().get("/api/v1/metrics?team=" + team + "&size=200").asString())
                    .append(given().get("/api/v1/teams/" + team).asString())
                    .append(given().get("/api/v1/teams/" + team + "/webhooks").asString()).append('\n');
        }
        return all.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
