package org.metriclifecycle.deploy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.command.metric.MetricAggregate;
import org.metriclifecycle.command.metric.RecordCorrelation;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.SnapshotPostgresProfile;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.EventMetadata;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A metric with thousands of events loads from its latest snapshot, and keeps working exactly as before. */
@QuarkusTest
@TestProfile(SnapshotPostgresProfile.class)
class SnapshotTest {

    private static final int EVENTS = 2_000;

    @Inject
    CommandGateway commands;
    @Inject
    EventStore eventStore;

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    void aLongStreamLoadsFromItsSnapshot() {
        String metricId = Api.propose(Api.freshTeam(), "ada");
        String hypothesisId = Api.link(metricId, "POSITIVE", 0.5, 1_000);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        for (int i = 0; i < EVENTS; i++) {
            // Inconclusive (two samples: no interval, so it is not even counted in the pool): evidence that changes no
            // status, as a busy pipeline sends it.
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordCorrelation(metricId,
                    // A recent period (older ones may be past due, 409), from a source per run (equal periods from
                    // one source overlap, 409).
                    UUID.randomUUID().toString(), hypothesisId, 0.1, 2, today.minusDays(1), today,
                    CorrelationMethod.PEARSON, "bench-" + i)).andMetaData(
                    Map.of(EventMetadata.ACTOR, "pipe")));
        }

        List<DomainEventMessage<?>> loaded = new ArrayList<>();
        eventStore.readEvents(metricId).forEachRemaining(loaded::add);
        assertThat(loaded.get(0).getPayloadType()).isEqualTo(MetricAggregate.class);
        assertThat(loaded.get(0).getSequenceNumber()).isGreaterThanOrEqualTo(EVENTS - SnapshotPostgresProfile.THRESHOLD);
        assertThat(loaded).hasSizeLessThanOrEqualTo(SnapshotPostgresProfile.THRESHOLD + 1);

        // The state restored from the snapshot decides as the full stream would: this one supports the hypothesis.
        assertThat(Api.correlate(metricId, hypothesisId, 0.9, 5_000)).isEqualTo("SUPPORTED");
        Api.view(metricId).body("status", equalTo("VALIDATED"));
        Api.post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "done")).statusCode(200);
        Api.post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "again")).statusCode(409);
        List<Integer> sequences = io.restassured.RestAssured.given().get("/api/v1/metrics/" + metricId + "/history")
                .then().extract().path("sequence");
        assertThat(sequences).hasSize(EVENTS + 4);
    }
}
