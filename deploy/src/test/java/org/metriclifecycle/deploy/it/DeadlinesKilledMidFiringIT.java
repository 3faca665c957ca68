package org.metriclifecycle.deploy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.FreshPostgres;
import org.metriclifecycle.deploy.support.PackagedService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #7, fault 3: link windows falling due while the service is killed. Thirty metrics' windows close over a couple
 * of seconds; the service is killed with SIGKILL as soon as one has fired while another is being fired, so some
 * deadlines have fired, some are picked by db-scheduler but not done (their execution rows stay picked by a dead
 * instance), and the rest are not yet due. After a restart every metric ends DEPRIORITIZED with exactly one MetricDeprioritized (actor system) in the
 * event store and in its history. ({@link DeadlineSurvivesRestartIT} covers a graceful stop.)
 */
class DeadlinesKilledMidFiringIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int METRICS = 30;
    private static final Duration LINK_WINDOW = Duration.ofSeconds(8);
    private static final String FIRED = "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
            + "WHERE payload_type LIKE '%MetricDeprioritized'";
    private static final String PICKED = "SELECT count(*) FROM scheduled_tasks WHERE picked";

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyLinkWindowFiresExactlyOnceThoughTheServiceWasKilledWhileTheyFellDue() throws Exception {
        long began = System.nanoTime();
        try (FreshPostgres database = FreshPostgres.create()) {
            Map<String, String> config = new HashMap<>(database.serviceConfig());
            config.put("metrics.auth.mode", "basic");
            config.put("metrics.budget.default-core-limit", "100");
            config.put("metrics.lifecycle.link-window", LINK_WINDOW.toString());
            // A deadline the killed instance had picked is picked again after 4 missed heartbeats: 8 s, not 40 s.
            config.put("metrics.deadlines.heartbeat-interval", "PT2S");
            config.put("quarkus.log.category.\"org.metriclifecycle.deploy.axon.DeadlineTask\".level", "DEBUG");
            Path logs = Path.of("target", "deadlines-killed-it");
            Files.deleteIfExists(logs.resolve("service.log"));

            List<String> metrics = new ArrayList<>();
            Instant firstDue;
            Instant lastDue;
            int firedBeforeKill;
            int pickedAtKill;
            try (PackagedService service = new PackagedService(config, logs.resolve("service.log")).start()) {
                // Three clients at once: the windows close over a couple of seconds, across several of
                // db-scheduler's one-second polls, many of them due in each.
                ExecutorService clients = Executors.newFixedThreadPool(3);
                try {
                    List<Future<String>> proposals = new ArrayList<>();
                    for (int i = 0; i < METRICS; i++) {
                        String body = "{\"name\":\"deadline " + i + "\",\"team\":\"deadlines\",\"owner\":\"ada\"}";
                        proposals.add(clients.submit(() -> {
                            HttpResponse<String> created = service.post("/api/v1/metrics", body);
                            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                            return JSON.readTree(created.body()).path("metricId").asText();
                        }));
                    }
                    for (Future<String> proposal : proposals) {
                        metrics.add(proposal.get(60, TimeUnit.SECONDS));
                    }
                } finally {
                    clients.shutdownNow();
                }
                List<Instant> due = new ArrayList<>();
                for (String metricId : metrics) {
                    due.add(linkDeadline(service, metricId));
                }
                firstDue = due.stream().min(Instant::compareTo).orElseThrow();
                lastDue = due.stream().max(Instant::compareTo).orElseThrow();

                // Kill once a window has fired while another is being fired (its execution picked, not done), or at
                // the latest once half have fired or the last is due; watching on a connection of its own, so that
                // no connection set-up delays the kill.
                try (Connection watch = database.connect()) {
                    Instant giveUp = lastDue.plusSeconds(2);
                    while (Instant.now().isBefore(giveUp)) {
                        int fired = count(watch, FIRED);
                        if ((fired > 0 && count(watch, PICKED) > 0) || fired >= METRICS / 2) {
                            break;
                        }
                        Thread.sleep(2);
                    }
                    service.kill();
                }
            }
            firedBeforeKill = firedCount(database);
            pickedAtKill = pickedCount(database);
            assertThat(firedBeforeKill).as("windows fired before the kill").isBetween(1, METRICS - 1);

            long restarted = System.nanoTime();
            try (PackagedService service = new PackagedService(config, logs.resolve("service.log")).start()) {
                // Every window has fired and no execution is left to run (so none can fire a second time later).
                Eventually.within(Duration.ofSeconds(60), () -> {
                    assertThat(firedCount(database)).as("metrics deprioritized").isEqualTo(METRICS);
                    assertThat(scheduledCount(database)).as("deadlines still scheduled").isZero();
                });
                long settled = System.nanoTime();

                StoredEvents store;
                try (Connection connection = database.connect()) {
                    store = StoredEvents.read(connection);
                }
                for (String metricId : metrics) {
                    assertThat(store.ofStream(metricId)).as("events of %s", metricId)
                            .filteredOn(event -> event.type().equals("MetricDeprioritized")).hasSize(1);
                }
                Eventually.within(Duration.ofSeconds(30), () -> {
                    for (String metricId : metrics) {
                        JsonNode view = read(service, "/api/v1/metrics/" + metricId);
                        assertThat(view.path("status").asText()).as("status of %s", metricId)
                                .isEqualTo("DEPRIORITIZED");
                        List<JsonNode> deprioritized = new ArrayList<>();
                        read(service, "/api/v1/metrics/" + metricId + "/history").forEach(entry -> {
                            if (entry.path("type").asText().equals("MetricDeprioritized")) {
                                deprioritized.add(entry);
                            }
                        });
                        assertThat(deprioritized).as("history of %s", metricId).hasSize(1);
                        assertThat(deprioritized.get(0).path("actor").asText()).isEqualTo("system");
                    }
                });
                List<ClientLoad.Ack> proposals = metrics.stream()
                        .map(id -> new ClientLoad.Ack("metric", "deadlines", id, id, null, 0)).toList();
                assertThat(ProjectionAudit.awaitClean(database::connect, service, proposals, Duration.ofSeconds(30)))
                        .as("event store and read models").isEmpty();

                System.out.printf("DeadlinesKilledMidFiringIT: %d link windows due from %s to %s; SIGKILL with %d "
                                + "fired and %d not (%d of them picked by the killed instance, not done); after the "
                                + "restart all fired once within %d ms; elapsed %d s%n",
                        METRICS, firstDue, lastDue, firedBeforeKill, METRICS - firedBeforeKill, pickedAtKill,
                        TimeUnit.NANOSECONDS.toMillis(settled - restarted),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            }
        }
    }

    private static Instant linkDeadline(PackagedService service, String metricId) {
        return Instant.parse(read(service, "/api/v1/metrics/" + metricId).path("linkDeadline").asText());
    }

    private static JsonNode read(PackagedService service, String path) {
        try {
            HttpResponse<String> answer = service.get(path);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    private static int firedCount(FreshPostgres database) {
        return count(database, FIRED);
    }

    private static int pickedCount(FreshPostgres database) {
        return count(database, PICKED);
    }

    /** Deadlines and outbox tasks left; the recurring audit checkpoint (docs/audit.md) always has its one row. */
    private static int scheduledCount(FreshPostgres database) {
        return count(database, "SELECT count(*) FROM scheduled_tasks WHERE task_name <> 'audit-checkpoint'");
    }

    private static int count(FreshPostgres database, String sql) {
        try (Connection connection = database.connect()) {
            return count(connection, sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e, e);
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
