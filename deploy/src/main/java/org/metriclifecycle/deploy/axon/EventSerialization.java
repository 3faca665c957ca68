package org.metriclifecycle.deploy.axon;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of everything Axon stores (events, metadata, tokens, deadline payloads). Deliberately its own
 * mapper, not the HTTP API's: the API trims and normalizes input, and stored events must read back exactly as
 * written.
 */
public final class EventSerialization {

    private EventSerialization() {
    }

    /** The mapper Axon's serializer uses, for readers that decode stored payloads themselves (the rebuild). */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // A newer event read by older code (rolling upgrade) keeps its known fields.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(mapper()).build();
    }

    /**
     * Snapshots are aggregates, which keep their state in private fields and expose no getters: read and write
     * the fields. A snapshot whose aggregate revision no longer matches is ignored (RevisionSnapshotFilter), so a
     * changed aggregate never loads stale state.
     */
    static Serializer snapshotSerializer() {
        ObjectMapper fields = mapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }
}
