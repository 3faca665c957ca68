package org.metriclifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.upcasting.CorrelationRecordedPoolUpcaster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A revision-1 CorrelationRecorded, as stored under the POINT rule alone, reads as revision 2 with no interval, no
 * pool and no carried status, which every reader takes as "judged the first way": its stored verdict and due date
 * stand. r = 0.72 over n = 120 against a bar of 0.70 was SUPPORTED then and stays SUPPORTED.
 */
class CorrelationRecordedUpcasterTest {

    private static final String REVISION_1_JSON = "{\"metricId\":\"m-1\",\"correlationId\":\"c-1\","
            + "\"hypothesisId\":\"h-1\",\"coefficient\":0.72,\"sampleSize\":120,\"periodStart\":\"2025-12-01\","
            + "\"periodEnd\":\"2025-12-31\",\"method\":\"PEARSON\",\"source\":\"nightly\",\"definitionVersion\":\"1.0\","
            + "\"verdict\":\"SUPPORTED\",\"recordedAt\":\"2026-01-05T09:00:00Z\","
            + "\"revalidationDue\":\"2026-04-05T09:00:00Z\"}";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    private List<IntermediateEventRepresentation> upcast(String revision, String json) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("MetricAggregate", "m-1", 2, "e-1",
                "2026-01-05T09:00:00Z", CorrelationRecorded.class.getName(), revision, json, "{}");
        return new EventUpcasterChain(new CorrelationRecordedPoolUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).collect(Collectors.toList());
    }

    @Test
    void theOldJsonReadsAsAFirstRuleCorrelationWithItsVerdictAndDueDate() {
        List<IntermediateEventRepresentation> upcast = upcast("1", REVISION_1_JSON);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        CorrelationRecorded event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new CorrelationRecorded("m-1", "c-1", "h-1", 0.72, 120, LocalDate.of(2025, 12, 1),
                LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", "1.0", Verdict.SUPPORTED,
                Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-04-05T09:00:00Z")));
        assertThat(event.carriesStatus()).isFalse();
        assertThat(event.statusAfter()).contains(HypothesisStatus.SUPPORTED);
        assertThat(event.interval()).isNull();
    }

    @Test
    void anOldInconclusiveCorrelationLeavesTheStatusAlone() {
        CorrelationRecorded event = serializer.deserialize(upcast("1",
                REVISION_1_JSON.replace("SUPPORTED", "INCONCLUSIVE")).get(0).getData());
        assertThat(event.statusAfter()).isEmpty();
    }

    @Test
    void aCurrentRevisionIsLeftAlone() throws Exception {
        CorrelationRecorded current = new CorrelationRecorded("m-1", "c-1", "h-1", 0.81, 1200,
                LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, null, "1.0",
                Verdict.SUPPORTED, Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"),
                new CorrelationInterval(0.79, 0.829), null, HypothesisStatus.SUPPORTED,
                new PooledEvidence(0.81, 0.79, 0.829, 1200, 1, 0, 0, 1.127, 0.0289), List.of("c-1"));
        String json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(current);
        CorrelationRecorded read = serializer.deserialize(upcast("2", json).get(0).getData());
        assertThat(read).isEqualTo(current);
    }
}
