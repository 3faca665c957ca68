package org.metriclifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.upcasting.HypothesisLinkedCriteriaUpcaster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A revision-1 HypothesisLinked, as stored before the criteria were nested, reads as a revision-2 event. */
class HypothesisLinkedUpcasterTest {

    private static final String REVISION_1_JSON = "{\"metricId\":\"m-1\",\"hypothesisId\":\"h-1\","
            + "\"outcome\":\"user-reported errors\",\"statement\":\"r <= -0.7 over >= 500 sessions\","
            + "\"direction\":\"NEGATIVE\",\"minCorrelation\":0.7,\"minSampleSize\":500}";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    @Test
    void theOldJsonReadsAsTheNewEvent() {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("MetricAggregate", "m-1", 1, "e-1",
                "2026-01-01T00:00:00Z", HypothesisLinked.class.getName(), "1", REVISION_1_JSON, "{}");
        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new HypothesisLinkedCriteriaUpcaster(),
                new org.metriclifecycle.events.upcasting.HypothesisLinkedDecisionRuleUpcaster())
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(stored, serializer)))
                .collect(Collectors.toList());

        assertThat(upcast).hasSize(1);
        SerializedType type = upcast.get(0).getType();
        assertThat(type.getRevision()).isEqualTo("3");
        HypothesisLinked event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new HypothesisLinked("m-1", "h-1", "user-reported errors",
                "r <= -0.7 over >= 500 sessions", Direction.NEGATIVE, 0.7, 500));
        assertThat(event.criteria()).isEqualTo(new SupportCriteria(Direction.NEGATIVE, 0.7, 500));
        assertThat(event.decisionRule()).isEqualTo(org.metriclifecycle.events.evidence.DecisionRule.POINT);
        assertThat(event.confidence()).isEqualTo(0.95);
    }

    /** Revision 2, as stored before the INTERVAL rule existed: it keeps POINT (so no stored verdict changes). */
    @Test
    void aRevisionTwoHypothesisReadsAsPointAtNinetyFivePercent() {
        String revision2 = "{\"metricId\":\"m-1\",\"hypothesisId\":\"h-1\",\"outcome\":\"o\",\"statement\":\"s\","
                + "\"criteria\":{\"direction\":\"POSITIVE\",\"minCorrelation\":0.7,\"minSampleSize\":100}}";
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("MetricAggregate", "m-1", 1, "e-1",
                "2026-01-01T00:00:00Z", HypothesisLinked.class.getName(), "2", revision2, "{}");
        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new HypothesisLinkedCriteriaUpcaster(),
                new org.metriclifecycle.events.upcasting.HypothesisLinkedDecisionRuleUpcaster())
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(stored, serializer)))
                .collect(Collectors.toList());
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("3");
        HypothesisLinked event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new HypothesisLinked("m-1", "h-1", "o", "s", Direction.POSITIVE, 0.7, 100,
                org.metriclifecycle.events.evidence.DecisionRule.POINT, 0.95));
    }

    @Test
    void aCurrentRevisionIsLeftAlone() throws Exception {
        HypothesisLinked current = new HypothesisLinked("m-1", "h-1", "o", "s", Direction.POSITIVE, 0.5, 10,
                org.metriclifecycle.events.evidence.DecisionRule.INTERVAL, 0.9);
        String json = new ObjectMapper().writeValueAsString(current);
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("MetricAggregate", "m-1", 1, "e-1",
                "2026-01-01T00:00:00Z", HypothesisLinked.class.getName(), "3", json, "{}");
        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new HypothesisLinkedCriteriaUpcaster(),
                new org.metriclifecycle.events.upcasting.HypothesisLinkedDecisionRuleUpcaster())
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(stored, serializer)))
                .collect(Collectors.toList());
        assertThat((HypothesisLinked) serializer.deserialize(upcast.get(0).getData())).isEqualTo(current);
    }
}
