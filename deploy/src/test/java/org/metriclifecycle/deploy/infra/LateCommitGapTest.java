package org.metriclifecycle.deploy.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metriclifecycle.command.metric.ProposeMetric;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.GapTimeoutPostgresProfile;
import org.metriclifecycle.events.EventMetadata;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Axon issues #2958 and #4829: a processor that reads events past a global index whose transaction has not committed
 * yet records a gap, and drops it once the events it reads are older than the gap timeout; if that transaction then
 * commits, its event is never projected. The service bounds every transaction's life (the JTA transaction timeout)
 * and refuses a gap timeout shorter than twice that ({@link GapTimeout}), so a late commit always lands inside the
 * gap's lifetime. Here a transaction is held open past the gap timeout while others commit and the projection reads
 * them late (paused, then started once they are older than the gap timeout): the held transaction cannot commit, and
 * every event the store holds is projected, exactly up to its stream's last sequence.
 */
@QuarkusTest
@TestProfile(GapTimeoutPostgresProfile.class)
class LateCommitGapTest {

    @Inject
    CommandGateway commands;
    @Inject
    AxonRuntime axon;
    @Inject
    ActiveDatabase database;
    @Inject
    jakarta.transaction.TransactionManager transactions;

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTransactionHeldPastTheGapTimeoutCannotCommitAndNoEventIsSkippedWhenTheOthersAreReadLate() throws Exception {
        String team = Api.freshTeam();
        Api.propose(team, "ada"); // the team's stream exists, so the held proposal and the others touch it in turn
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String held = UUID.randomUUID().toString();
        CompletableFuture<Boolean> heldCommitted = holdOpen(held, team, appended, release);
        assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();

        StreamingEventProcessor views = metricViews();
        views.shutDown();
        List<String> acknowledged = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                acknowledged.add(Api.propose(Api.freshTeam(), "ada"));
            }
            // Let the acknowledged events grow older than the gap timeout before the projection reads them.
            Thread.sleep(GapTimeoutPostgresProfile.GAP_TIMEOUT_MILLIS + 1_000);
        } finally {
            views.start();
        }
        for (String metricId : acknowledged) {
            Eventually.within(Duration.ofSeconds(20), () -> Api.view(metricId).statusCode(200));
        }
        // The projection has read past the held transaction's place with events older than the gap timeout (where
        // Axon gives up on the gap); only now does the held transaction try to commit.
        release.countDown();

        assertThat(heldCommitted.get(30, TimeUnit.SECONDS)).as("the held transaction committed").isFalse();
        assertThat(storedEventsOf(held)).isZero();
        everyStoredMetricIsProjectedToItsLastEvent();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTransactionThatCommitsLateWithinItsTimeoutIsProjectedAfterTheOthers() throws Exception {
        String team = Api.freshTeam();
        Api.propose(team, "ada"); // warm: the held transaction must not spend its time loading classes
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String held = UUID.randomUUID().toString();
        CompletableFuture<Boolean> heldCommitted = holdOpen(held, team, appended, release);
        assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            acknowledged.add(Api.propose(Api.freshTeam(), "ada"));
        }
        // The projection has read past the held place (the proposals' answers waited for it); commit now, within the
        // transaction timeout.
        release.countDown();

        assertThat(heldCommitted.get(30, TimeUnit.SECONDS)).as("the held transaction committed").isTrue();
        for (String metricId : acknowledged) {
            Eventually.within(Duration.ofSeconds(20), () -> Api.view(metricId).statusCode(200));
        }
        Eventually.within(Duration.ofSeconds(20), () -> Api.view(held).statusCode(200));
        everyStoredMetricIsProjectedToItsLastEvent();
    }

    /** Proposes a metric inside a transaction of its own, holds it open until released, then tries to commit: did it? */
    private CompletableFuture<Boolean> holdOpen(String metricId, String team, CountDownLatch appended,
                                                CountDownLatch release) {
        // A thread of its own: a transaction the reaper rolled back must not linger on a shared pool's thread.
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        CompletableFuture<Boolean> committed = CompletableFuture.supplyAsync(() -> {
            try {
                transactions.begin();
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ProposeMetric(metricId,
                        "held open", null, team, "ada", null, null, null, null, null))
                        .andMetaData(Map.of(EventMetadata.ACTOR, "ada")));
                appended.countDown();
                if (!release.await(40, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
                transactions.commit();
                return true;
            } catch (Exception e) {
                try {
                    if (transactions.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
                        transactions.rollback();
                    }
                } catch (Exception ignored) {
                    // the reaper has rolled it back already
                }
                return false;
            } finally {
                appended.countDown();
            }
        }, thread);
        committed.whenComplete((result, failure) -> thread.shutdown());
        return committed;
    }

    private StreamingEventProcessor metricViews() {
        return axon.configuration().eventProcessingConfiguration()
                .eventProcessor(AxonRuntime.METRIC_VIEWS, StreamingEventProcessor.class).orElseThrow();
    }

    private void everyStoredMetricIsProjectedToItsLastEvent() throws Exception {
        Map<String, Long> lastSequences = new LinkedHashMap<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT aggregate_identifier,"
                     + " MAX(sequence_number) FROM domain_event_entry WHERE type = 'MetricAggregate'"
                     + " GROUP BY aggregate_identifier");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                lastSequences.put(rows.getString(1), rows.getLong(2));
            }
        }
        assertThat(lastSequences).isNotEmpty();
        Eventually.within(Duration.ofSeconds(20), () -> lastSequences.forEach((metricId, last) -> {
            List<Map<String, Object>> history = given().get("/api/v1/metrics/" + metricId + "/history").then()
                    .statusCode(200).extract().path("");
            assertThat(history).as(metricId).hasSize((int) (last + 1));
            Api.view(metricId).statusCode(200);
        }));
    }

    private long storedEventsOf(String aggregateId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            count.setString(1, aggregateId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
