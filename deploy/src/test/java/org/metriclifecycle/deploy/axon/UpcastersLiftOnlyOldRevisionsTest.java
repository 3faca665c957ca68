package org.metriclifecycle.deploy.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.TeamEvent;

/**
 * The rebuild decodes a row stored at its class's current revision straight with the mapper, skipping the upcaster
 * chain (ProjectionRebuild). That is right only while no upcaster takes a current revision as its input: each one
 * lifts an older revision to a newer one. A new upcaster that broke this would make the rebuild fold an event
 * differently from the aggregates and the projections.
 */
class UpcastersLiftOnlyOldRevisionsTest {

    private static List<Class<?>> eventClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> family : List.of(MetricEvent.class, TeamEvent.class)) {
            classes.addAll(List.of(family.getPermittedSubclasses()));
        }
        return classes;
    }

    @Test
    void noUpcasterChangesAnEventStoredAtItsClassesCurrentRevision() {
        Serializer serializer = EventSerialization.serializer();
        EventUpcasterChain chain = new EventUpcasterChain(EventUpcasters.all());
        List<Class<?>> classes = eventClasses();
        assertThat(classes).hasSizeGreaterThan(10);
        for (Class<?> type : classes) {
            Revision revision = type.getAnnotation(Revision.class);
            assertThat(revision).as("%s has a @Revision", type.getSimpleName()).isNotNull();
            List<IntermediateEventRepresentation> read = read(chain, serializer, type, revision.value());

            assertThat(read).as(type.getSimpleName()).hasSize(1);
            assertThat(read.get(0).getType().getName()).as(type.getSimpleName()).isEqualTo(type.getName());
            assertThat(read.get(0).getType().getRevision()).as(type.getSimpleName()).isEqualTo(revision.value());
        }
    }

    @Test
    void anOlderRevisionIsLiftedWhichShowsTheCheckAboveWouldSeeAnUpcasterApply() {
        List<IntermediateEventRepresentation> read = read(new EventUpcasterChain(EventUpcasters.all()),
                EventSerialization.serializer(), org.metriclifecycle.events.CorrelationRecorded.class, "2");

        assertThat(read.get(0).getType().getRevision()).isNotEqualTo("2");
    }

    private static List<IntermediateEventRepresentation> read(EventUpcasterChain chain, Serializer serializer,
                                                              Class<?> type, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Metric", "m-1", 3, "e-1",
                java.time.Instant.EPOCH, type.getName(), revision, "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
    }
}
