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
import org.metriclifecycle.events.upcasting.CorrelationRecordedWindowUpcaster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A revision-1 CorrelationRecorded, as stored under the POINT rule alone, reads as the current revision with no
 * interval, no pool and no carried status, which every reader takes as "judged the first way": its stored verdict and
 * due date stand. r = 0.72 over n = 120 against a bar of 0.70 was SUPPORTED then and stays SUPPORTED. A revision-2 one
 * keeps the ids of the correlations it counted and names no window.
 */
class CorrelationRecordedUpcasterTest {

    private static final String REVISION_1_JSON = "{\"metricId\":\"m-1\",\"correlationId\":\"c-1\","
            + "\"hypothesisId\":\"h-1\",\"coefficient\":0.72,\"sampleSize\":120,\"periodStart\":\"2025-12-01\","
            + "\"periodEnd\":\"2025-12-31\",\"method\":\"PEARSON\",\"source\":\"nightly\",\"definitionVersion\":\"1.0\","
            + "\"verdict\":\"SUPPORTED\",\"recordedAt\":\"2026-01-05T09:00:00Z\","
            + "\"revalidationDue\":\"2026-04-05T09:00:00Z\"}";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    /** As stored under revision 2: the ids of the counted correlations, no window. */
    private static final String REVISION_2_JSON = "{\"metricId\":\"m-1\",\"correlationId\":\"c-2\","
            + "\"hypothesisId\":\"h-1\",\"coefficient\":0.81,\"sampleSize\":1200,\"periodStart\":\"2025-12-01\","
            + "\"periodEnd\":\"2025-12-31\",\"method\":\"PEARSON\",\"source\":null,\"definitionVersion\":\"1.0\","
            + "\"verdict\":\"SUPPORTED\",\"recordedAt\":\"2026-01-05T09:00:00Z\","
            + "\"revalidationDue\":\"2026-03-31T00:00:00Z\",\"interval\":{\"low\":0.79,\"high\":0.829},"
            + "\"supersedes\":null,\"hypothesisStatus\":\"SUPPORTED\",\"pooled\":{\"estimate\":0.8,\"low\":0.78,"
            + "\"high\":0.82,\"sampleSize\":1320,\"correlations\":2,\"q\":0.5,\"iSquared\":0.0,\"zBar\":1.1,"
            + "\"standardError\":0.0276},\"counted\":[\"c-1\",\"c-2\"]}";

    private List<IntermediateEventRepresentation> upcast(String revision, String json) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("MetricAggregate", "m-1", 2, "e-1",
                "2026-01-05T09:00:00Z", CorrelationRecorded.class.getName(), revision, json, "{}");
        return new EventUpcasterChain(new CorrelationRecordedPoolUpcaster(), new CorrelationRecordedWindowUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).collect(Collectors.toList());
    }

    @Test
    void theOldJsonReadsAsAFirstRuleCorrelationWithItsVerdictAndDueDate() {
        List<IntermediateEventRepresentation> upcast = upcast("1", REVISION_1_JSON);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("3");
        CorrelationRecorded event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new CorrelationRecorded("m-1", "c-1", "h-1", 0.72, 120, LocalDate.of(2025, 12, 1),
                LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", "1.0", Verdict.SUPPORTED,
                Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-04-05T09:00:00Z")));
        assertThat(event.carriesStatus()).isFalse();
        assertThat(event.statusAfter()).contains(HypothesisStatus.SUPPORTED);
        assertThat(event.interval()).isNull();
        assertThat(event.listsCounted()).isFalse();
        assertThat(event.countedSince()).isNull();
    }

    @Test
    void aRevisionTwoCorrelationKeepsTheIdsItCountedAndNamesNoWindow() {
        List<IntermediateEventRepresentation> upcast = upcast("2", REVISION_2_JSON);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("3");
        CorrelationRecorded event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.carriesStatus()).isTrue();
        assertThat(event.listsCounted()).isTrue();
        assertThat(event.counted()).containsExactly("c-1", "c-2");
        assertThat(event.countedSince()).isNull();
        assertThat(event.pooled().correlations()).isEqualTo(2);
        assertThat(event.hypothesisStatus()).isEqualTo(HypothesisStatus.SUPPORTED);
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
                new PooledEvidence(0.81, 0.79, 0.829, 1200, 1, 0, 0, 1.127, 0.0289), null,
                Instant.parse("2025-10-02T00:00:00Z"));
        org.axonframework.serialization.SerializedObject<String> written = serializer.serialize(current, String.class);
        assertThat(written.getType().getRevision()).isEqualTo("3");
        CorrelationRecorded read = serializer.deserialize(upcast("3", written.getData()).get(0).getData());
        assertThat(read).isEqualTo(current);
    }
}
