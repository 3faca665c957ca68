package org.metriclifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.upcasting.RotationScheduledPeriodUpcaster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A revision-1 RotationScheduled, whose period was stored as a number of seconds, reads with the same period. */
class RotationScheduledUpcasterTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    /** Exactly what the service stored for a weekly schedule before revision 2 (Jackson's Duration as seconds). */
    private static final String REVISION_1_JSON = "{\"team\":\"search\",\"scheduleId\":\"s-1\","
            + "\"members\":[\"ada\",\"lena\"],\"period\":604800.000000000,"
            + "\"startsAt\":\"2026-01-05T09:00:00Z\",\"scheduledAt\":\"2026-01-05T09:00:00Z\"}";

    @Test
    void theOldNumberOfSecondsReadsAsTheSameDuration() {
        RotationScheduled event = upcast(REVISION_1_JSON, "1");
        assertThat(event).isEqualTo(new RotationScheduled("search", "s-1", List.of("ada", "lena"),
                RotationPeriod.of(Duration.ofDays(7)), T, T));
    }

    @Test
    void fractionsOfASecondSurvive() {
        RotationScheduled event = upcast(REVISION_1_JSON.replace("604800.000000000", "3600.500000000"), "1");
        assertThat(event.period()).isEqualTo(RotationPeriod.of(Duration.ofMillis(3_600_500)));
    }

    @Test
    void theOldShapeReallyIsANumber() throws Exception {
        // Guards the fixture above: a Duration written the way revision 1 was written.
        assertThat(json.writeValueAsString(Duration.ofDays(7))).isEqualTo("604800.000000000");
    }

    @Test
    void aCurrentRevisionIsLeftAlone() throws Exception {
        RotationScheduled current = new RotationScheduled("search", "s-1", List.of("ada", "lena"),
                RotationPeriod.parse("P1M"), T, T);
        String stored = json.writeValueAsString(current);
        assertThat(stored).contains("\"period\":\"P1M\"");
        assertThat(upcast(stored, "2")).isEqualTo(current);
    }

    private RotationScheduled upcast(String payload, String revision) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("TeamAggregate", "team:search", 0, "e-1",
                "2026-01-05T09:00:00Z", RotationScheduled.class.getName(), revision, payload, "{}");
        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new RotationScheduledPeriodUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).collect(Collectors.toList());
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }
}
