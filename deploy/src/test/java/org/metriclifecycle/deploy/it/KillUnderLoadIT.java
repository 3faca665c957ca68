package org.metriclifecycle.deploy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metriclifecycle.deploy.support.FreshPostgres;
import org.metriclifecycle.deploy.support.PackagedService;

/**
 * Issue #7, fault 1: the packaged service on PostgreSQL is killed with SIGKILL while 16 clients write through its API
 * (proposals, hypotheses, correlations, each client on metrics of its own teams), then restarted on the same
 * database. Every write that was acknowledged (2xx) is in the event store exactly once and in every read model
 * exactly once (metric views, histories, team views), and nothing half-written shows: no stream with a gap, no read
 * model ahead of, behind, or without its events. Writes cut off by the kill have an unknown outcome; each was sent
 * with an {@code Idempotency-Key}, and sent again with it after the restart, every one of them is acknowledged and
 * none doubled: the store then holds exactly as many proposals, hypotheses and correlations as the clients sent.
 */
class KillUnderLoadIT {

    private static final int CLIENTS = 16;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesASigkillExactlyOnceInTheStoreAndInEveryView() throws Exception {
        long began = System.nanoTime();
        try (FreshPostgres database = FreshPostgres.create()) {
            Map<String, String> config = new HashMap<>(database.serviceConfig());
            config.put("metrics.auth.mode", "basic");
            config.put("metrics.budget.default-core-limit", "100");
            // The restarted instance takes over the killed one's segments once their claims expire.
            Path logs = Path.of("target", "kill-under-load-it");
            Files.deleteIfExists(logs.resolve("service.log"));

            ClientLoad load;
            long loadMillis;
            try (PackagedService service = new PackagedService(config, logs.resolve("service.log")).start()) {
                load = new ClientLoad(service, "kill");
                load.start(CLIENTS);
                long loadStarted = System.nanoTime();
                // Mid-load: long enough for every client to have several writes acknowledged, whatever the machine.
                long deadline = loadStarted + TimeUnit.SECONDS.toNanos(40);
                while ((load.acknowledged("correlation") < 4L * CLIENTS
                        || System.nanoTime() - loadStarted < TimeUnit.SECONDS.toNanos(8))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                service.kill();
                loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStarted);
                load.stop();
            }

            List<ClientLoad.Ack> acks = load.acks();
            List<ClientLoad.Answer> answers = load.answers();
            Map<Integer, Long> byStatus = answers.stream()
                    .collect(Collectors.groupingBy(ClientLoad.Answer::status, Collectors.counting()));
            assertThat(load.acknowledged("correlation")).as("correlations acknowledged before the kill")
                    .isGreaterThanOrEqualTo(CLIENTS);
            assertThat(answers).as("answers other than 2xx, or no answer (the kill)")
                    .filteredOn(answer -> answer.status() / 100 != 2 && answer.status() != ClientLoad.NO_ANSWER)
                    .isEmpty();

            long restarted = System.nanoTime();
            try (PackagedService service = new PackagedService(config, logs.resolve("service.log")).start()) {
                List<String> problems = ProjectionAudit.awaitClean(database::connect, service, acks,
                        Duration.ofSeconds(60));
                assertThat(problems).as("event store and read models after the restart").isEmpty();
                long settled = System.nanoTime();

                // The writes the kill cut off, sent again with their keys: each now happens exactly once.
                List<ClientLoad.Settled> retried = load.settle(service);
                assertThat(retried).as("writes cut off by the kill").isNotEmpty();
                assertThat(ProjectionAudit.awaitClean(database::connect, service, load.acks(), Duration.ofSeconds(60)))
                        .as("event store and read models after the retries").isEmpty();
                int events;
                try (var connection = database.connect()) {
                    StoredEvents store = StoredEvents.read(connection);
                    events = store.all().size();
                    Map<String, Long> stored = store.all().stream()
                            .collect(Collectors.groupingBy(StoredEvents.Event::type, Collectors.counting()));
                    assertThat(stored.getOrDefault("MetricProposed", 0L)).as("proposals stored")
                            .isEqualTo(load.sent("metric"));
                    assertThat(stored.getOrDefault("HypothesisLinked", 0L)).as("hypotheses stored")
                            .isEqualTo(load.sent("hypothesis"));
                    assertThat(stored.getOrDefault("CorrelationRecorded", 0L)).as("correlations stored")
                            .isEqualTo(load.sent("correlation"));
                }
                long replayed = retried.stream().filter(ClientLoad.Settled::replayed).count();
                System.out.printf("KillUnderLoadIT: %d writes cut off by the kill sent again with their keys: %d had "
                        + "gone through (answered from the first attempt), %d had not (done now)%n",
                        retried.size(), replayed, retried.size() - replayed);
                System.out.printf("KillUnderLoadIT: %d clients for %d ms, SIGKILL; %d acknowledged writes (%d metrics, "
                                + "%d hypotheses, %d correlations), answers by status %s (%d = no answer: cut off by "
                                + "the kill); %d events stored; read models consistent %d ms after the restart "
                                + "began; elapsed %d s%n",
                        CLIENTS, loadMillis, acks.size(), load.acknowledged("metric"), load.acknowledged("hypothesis"),
                        load.acknowledged("correlation"), byStatus, ClientLoad.NO_ANSWER, events,
                        TimeUnit.NANOSECONDS.toMillis(settled - restarted),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            }
        }
    }
}
