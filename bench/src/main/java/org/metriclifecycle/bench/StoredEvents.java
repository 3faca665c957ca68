package org.metriclifecycle.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.serialization.Revision;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.TeamEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Event rows exactly as the service stores them: payload and metadata through a mapper configured like the service's
 * {@code EventSerialization.mapper()} (Axon's JacksonSerializer writes the payload and the metadata map with it),
 * {@code payload_revision} from {@code @Revision}, the aggregate's simple class name as {@code type}, and
 * {@code time_stamp} as Axon formats it (ISO-8601, milliseconds, UTC). Kept in step with deploy by
 * StoredEventsTest, which compares against a row the service wrote.
 */
final class StoredEvents {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<Class<?>, String> REVISIONS = new ConcurrentHashMap<>();
    private static final Map<String, Class<?>> TYPES = new ConcurrentHashMap<>();

    private StoredEvents() {
    }

    static EventRow metricEvent(MetricEvent event, long sequence, Instant at, String actor, String reason) {
        return row(event.metricId(), "MetricAggregate", sequence, event, at, actor, reason);
    }

    static EventRow teamEvent(TeamEvent event, String team, long sequence, Instant at, String actor) {
        return row("team:" + team, "TeamAggregate", sequence, event, at, actor, null);
    }

    /** The instant as the service's clock ticks: milliseconds. */
    static Instant tick(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static String timeStamp(Instant at) {
        return AXON_TIME.format(at);
    }

    /** Decodes a stored payload into its event record, as the projections' serializer does. */
    static Object decode(String payloadType, byte[] payload) throws IOException {
        return MAPPER.readValue(payload, type(payloadType));
    }

    static Map<?, ?> decodeMetaData(byte[] metaData) throws IOException {
        return MAPPER.readValue(metaData, Map.class);
    }

    private static EventRow row(String aggregate, String aggregateType, long sequence, Object payload, Instant at,
                                String actor, String reason) {
        // A request's events share one correlation id, which Axon also copies into traceId.
        String correlation = UUID.randomUUID().toString();
        Map<String, String> metaData = new LinkedHashMap<>();
        metaData.put("traceId", correlation);
        metaData.put("actor", actor);
        if (reason != null) {
            metaData.put("reason", reason);
        }
        metaData.put("correlationId", correlation);
        try {
            return new EventRow(aggregate, sequence, aggregateType, UUID.randomUUID().toString(),
                    MAPPER.writeValueAsBytes(metaData), MAPPER.writeValueAsBytes(payload), revision(payload.getClass()),
                    payload.getClass().getName(), timeStamp(at));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + payload, e);
        }
    }

    private static String revision(Class<?> type) {
        return REVISIONS.computeIfAbsent(type, t -> {
            Revision revision = t.getAnnotation(Revision.class);
            return revision == null ? null : revision.value();
        });
    }

    private static Class<?> type(String name) {
        return TYPES.computeIfAbsent(name, n -> {
            try {
                return Class.forName(n);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("unknown payload type " + n, e);
            }
        });
    }
}
