package org.metriclifecycle.deploy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.PackagedService;
import org.metriclifecycle.deploy.support.PrivatePostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #7, fault 2: PostgreSQL is restarted ({@code pg_ctl stop -m fast}, down about 5 s, started again) under a few
 * clients' load, on a cluster of the test's own. While it is down every request fails fast (a 503 problem with
 * Retry-After within 3 s), never hangs, and nothing is acknowledged that is not stored. Afterwards the service
 * recovers by itself, without a restart: ready again, writes succeed and are projected, every processor runs and is
 * caught up, the deadline poller still fires link windows, and every acknowledged write is in the event store and
 * the read models exactly once.
 */
class DatabaseRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 4;
    private static final Duration LINK_WINDOW = Duration.ofSeconds(15);
    private static final Duration DOWN_FOR = Duration.ofSeconds(5);
    private static final long FAIL_FAST_MILLIS = 3_000;

    /** One probe of the service while the database was down. */
    private record Probe(String path, long millis, int status, String contentType) {
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void whileTheDatabaseRestartsRequestsFailFastWith503AndTheServiceRecoversByItselfLosingNothing() throws Exception {
        long began = System.nanoTime();
        Path logs = Path.of("target", "database-restart-it");
        Files.createDirectories(logs);
        Files.deleteIfExists(logs.resolve("service.log"));
        try (PrivatePostgres postgres = PrivatePostgres.start()) {
            postgres.createDatabase("metrics");
            Map<String, String> config = postgres.serviceConfig("metrics");
            config.put("metrics.auth.mode", "basic");
            config.put("metrics.budget.default-core-limit", "100");
            // Link windows of metrics proposed before the outage fall due after it: the deadline poller must live on.
            config.put("metrics.lifecycle.link-window", LINK_WINDOW.toString());
            try (PackagedService service = new PackagedService(config, logs.resolve("service.log")).start()) {
                ClientLoad load = new ClientLoad(service, "pgdown");
                load.start(CLIENTS);
                long loadStarted = System.nanoTime();
                while ((load.acknowledged("correlation") < 2L * CLIENTS
                        || System.nanoTime() - loadStarted < TimeUnit.SECONDS.toNanos(3))
                        && System.nanoTime() - loadStarted < TimeUnit.SECONDS.toNanos(30)) {
                    Thread.sleep(100);
                }
                String knownMetric = load.acks().get(0).metricId();

                long stopping = System.nanoTime();
                postgres.stopServer();
                long downFrom = System.nanoTime();
                List<Probe> probes = new ArrayList<>();
                while (System.nanoTime() - downFrom < DOWN_FOR.toNanos()) {
                    for (String path : List.of("/q/health/ready", "/api/v1/metrics/" + knownMetric)) {
                        long sent = System.nanoTime();
                        HttpResponse<String> answer = service.get(path);
                        probes.add(new Probe(path, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent),
                                answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("")));
                    }
                    Thread.sleep(500);
                }
                long downUntil = System.nanoTime();
                postgres.startServer();
                long upAt = System.nanoTime();

                // Recovers by itself: ready again, and every client gets writes through again.
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(status(service, "/q/health/ready"))
                        .as("readiness after PostgreSQL is back").isEqualTo(200));
                long readyAt = System.nanoTime();
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(load.acks().stream()
                        .filter(ack -> ack.answeredAt() > upAt).map(ack -> ack.team().split("-t")[0])
                        .collect(Collectors.toSet())).as("clients with writes acknowledged after the restart")
                        .hasSize(CLIENTS));
                Thread.sleep(2_000);
                load.stop();

                List<ClientLoad.Answer> answers = load.answers();
                List<ClientLoad.Answer> duringOutage = answers.stream()
                        .filter(a -> a.startedAt() >= downFrom && a.startedAt() < downUntil).toList();
                assertThat(duringOutage).as("writes sent while PostgreSQL was down").isNotEmpty()
                        .allSatisfy(answer -> {
                            assertThat(answer.status()).as("status of %s", answer).isEqualTo(503);
                            assertThat(answer.millis()).as("answer time of %s", answer).isLessThan(FAIL_FAST_MILLIS);
                            assertThat(answer.contentType()).as("content type of %s", answer)
                                    .startsWith("application/problem+json");
                            assertThat(answer.retryAfter()).as("Retry-After of %s", answer).isNotBlank();
                            assertThat(JSON.readTree(answer.body()).path("status").asInt()).isEqualTo(503);
                        });
                assertThat(probes).as("reads and readiness while PostgreSQL was down").isNotEmpty()
                        .allSatisfy(probe -> {
                            assertThat(probe.status()).as("%s", probe).isEqualTo(503);
                            assertThat(probe.millis()).as("%s", probe).isLessThan(FAIL_FAST_MILLIS);
                        })
                        .filteredOn(probe -> probe.path().startsWith("/api/"))
                        .allSatisfy(probe -> assertThat(probe.contentType()).as("%s", probe)
                                .startsWith("application/problem+json"));
                // Around the outage too: an answer (never a hang), and only a success or a 503.
                assertThat(answers).as("answers other than 2xx or 503, or none")
                        .filteredOn(a -> a.status() / 100 != 2 && a.status() != 503).isEmpty();
                assertThat(answers).as("answers slower than the pool's acquisition timeout and a wide margin")
                        .filteredOn(a -> a.millis() > 8_000).isEmpty();

                // A new write after the recovery is stored and projected before it is answered.
                HttpResponse<String> proposed = service.post("/api/v1/metrics",
                        "{\"name\":\"after the restart\",\"team\":\"pgdown-after\",\"owner\":\"ada\"}");
                assertThat(proposed.statusCode()).isEqualTo(201);
                String metricId = JSON.readTree(proposed.body()).path("metricId").asText();
                HttpResponse<String> linked = service.post("/api/v1/metrics/" + metricId + "/hypotheses",
                        "{\"outcome\":\"user-reported errors\",\"statement\":\"r >= 0.5\",\"direction\":\"POSITIVE\","
                                + "\"minCorrelation\":0.5,\"minSampleSize\":10}");
                assertThat(linked.statusCode()).isEqualTo(201);
                String hypothesisId = JSON.readTree(linked.body()).path("hypothesisId").asText();
                JsonNode view = JSON.readTree(service.get("/api/v1/metrics/" + metricId).body());
                assertThat(view.path("status").asText()).isEqualTo("LINKED");
                assertThat(view.path("hypotheses").findValuesAsText("hypothesisId")).containsExactly(hypothesisId);

                // The deadline poller lived through the outage: every link window of a metric proposed before it
                // has fallen due and fired once (where no correlation supported the metric), none has failed.
                long lastEarlyProposal = load.acks().stream()
                        .filter(ack -> ack.kind().equals("metric") && ack.answeredAt() < stopping)
                        .mapToLong(ClientLoad.Ack::answeredAt).max().orElseThrow();
                long allDue = lastEarlyProposal + LINK_WINDOW.toNanos() + TimeUnit.SECONDS.toNanos(2);
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(allDue - System.nanoTime())));
                Set<String> earlyMetrics = load.acks().stream()
                        .filter(ack -> ack.kind().equals("metric") && ack.answeredAt() < stopping)
                        .map(ClientLoad.Ack::metricId).collect(Collectors.toSet());
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(linkWindowProblems(postgres, earlyMetrics))
                        .isEmpty());

                List<ClientLoad.Ack> acks = new ArrayList<>(load.acks());
                acks.add(new ClientLoad.Ack("metric", "pgdown-after", metricId, metricId, null, System.nanoTime()));
                acks.add(new ClientLoad.Ack("hypothesis", "pgdown-after", metricId, hypothesisId, null,
                        System.nanoTime()));
                List<String> problems = ProjectionAudit.awaitClean(() -> postgres.connect("metrics"), service, acks,
                        Duration.ofSeconds(30));
                assertThat(problems).as("event store and read models after the outage").isEmpty();
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(log(logs))
                        .as("the LISTEN connection came back").contains("listening for other instances' changes again"));

                // The writes refused with 503 (or cut off) during the outage, sent again with their keys: each now
                // happens exactly once, also where the database went away after the commit but before the answer.
                List<ClientLoad.Settled> retried = load.settle(service);
                acks.addAll(load.acks().subList(load.acks().size() - retried.size(), load.acks().size()));
                assertThat(ProjectionAudit.awaitClean(() -> postgres.connect("metrics"), service, acks,
                        Duration.ofSeconds(30))).as("event store and read models after the retries").isEmpty();
                try (var connection = postgres.connect("metrics")) {
                    Map<String, Long> stored = StoredEvents.read(connection).all().stream()
                            .collect(Collectors.groupingBy(StoredEvents.Event::type, Collectors.counting()));
                    // The clients' writes, plus the one proposal and hypothesis written after the recovery.
                    assertThat(stored.getOrDefault("MetricProposed", 0L)).as("proposals stored")
                            .isEqualTo(load.sent("metric") + 1);
                    assertThat(stored.getOrDefault("HypothesisLinked", 0L)).as("hypotheses stored")
                            .isEqualTo(load.sent("hypothesis") + 1);
                    assertThat(stored.getOrDefault("CorrelationRecorded", 0L)).as("correlations stored")
                            .isEqualTo(load.sent("correlation"));
                }
                System.out.printf("DatabaseRestartIT: %d writes refused or cut off during the outage sent again with "
                        + "their keys: %d had gone through, %d done now%n", retried.size(),
                        retried.stream().filter(ClientLoad.Settled::replayed).count(),
                        retried.stream().filter(settled -> !settled.replayed()).count());

                Map<Integer, Long> byStatus = answers.stream()
                        .collect(Collectors.groupingBy(ClientLoad.Answer::status, Collectors.counting()));
                System.out.printf("DatabaseRestartIT: %d clients; pg_ctl stop took %d ms, down %d ms; %d writes sent "
                                + "while down, all 503 in at most %d ms; %d probes while down, at most %d ms; ready "
                                + "%d ms after PostgreSQL was up; answers by status %s; %d acknowledged writes; "
                                + "elapsed %d s%n",
                        CLIENTS, TimeUnit.NANOSECONDS.toMillis(downFrom - stopping),
                        TimeUnit.NANOSECONDS.toMillis(upAt - downFrom), duringOutage.size(),
                        duringOutage.stream().mapToLong(ClientLoad.Answer::millis).max().orElse(0), probes.size(),
                        probes.stream().mapToLong(Probe::millis).max().orElse(0),
                        TimeUnit.NANOSECONDS.toMillis(readyAt - upAt), byStatus, acks.size(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            } finally {
                postgres.copyLogTo(logs.resolve("postgres.log"));
            }
        }
    }

    private static int status(PackagedService service, String path) {
        try {
            return service.get(path).statusCode();
        } catch (Exception e) {
            throw new AssertionError(path + " did not answer: " + e, e);
        }
    }

    /** Metrics whose link window did not fire exactly once (or fired though a correlation supported them). */
    private static List<String> linkWindowProblems(PrivatePostgres postgres, Set<String> metrics) {
        List<String> problems = new ArrayList<>();
        try (Connection connection = postgres.connect("metrics")) {
            StoredEvents store = StoredEvents.read(connection);
            for (String metricId : metrics) {
                List<StoredEvents.Event> events = store.ofStream(metricId);
                long deprioritized = events.stream().filter(e -> e.type().equals("MetricDeprioritized")).count();
                boolean supported = events.stream().anyMatch(e -> e.type().equals("CorrelationRecorded")
                        && e.payload().path("verdict").asText().equals("SUPPORTED"));
                if (deprioritized > 1 || (!supported && deprioritized != 1)) {
                    problems.add(metricId + ": " + deprioritized + " deprioritizations (supported: " + supported + ")");
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM scheduled_tasks "
                         + "WHERE consecutive_failures > 0 OR execution_time < now() - interval '10 seconds'")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    problems.add(rows.getLong(1) + " deadlines failed or overdue");
                }
            }
        } catch (Exception e) {
            problems.add("could not read the event store: " + e);
        }
        return problems;
    }

    private static String log(Path logs) {
        try {
            return Files.readString(logs.resolve("service.log"));
        } catch (Exception e) {
            return "";
        }
    }
}
