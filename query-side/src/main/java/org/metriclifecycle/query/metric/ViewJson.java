package org.metriclifecycle.query.metric;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON shape of views: instants as ISO-8601 UTC text with millisecond precision (SPEC's format, also when
 * the fraction is zero), dates and durations as ISO-8601 text ({@code "PT336H"}). History diffs are taken in this
 * shape, so a change reads exactly like the view it came from.
 */
public final class ViewJson {

    /** Exactly three fraction digits: the service's clock ticks in milliseconds, so nothing is lost. */
    public static final DateTimeFormatter INSTANT_FORMAT = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private ViewJson() {
    }

    /** A new mapper each call: callers may tune theirs without changing how anyone else's views read. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(instantsInMillis())
                .registerModule(durationsAsText())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The instant format as a Jackson module, for any mapper that writes views (the HTTP API's too). */
    public static SimpleModule instantsInMillis() {
        return new SimpleModule("instants-in-millis").addSerializer(Instant.class, new MillisInstantSerializer());
    }

    /**
     * Durations as ISO-8601 text for any mapper that writes views: Jackson's default is a number of seconds, which
     * reads back but means nothing to a person or to the API's own {@code period} input.
     */
    public static SimpleModule durationsAsText() {
        return new SimpleModule("durations-as-text").addSerializer(Duration.class, ToStringSerializer.instance);
    }

    private static final class MillisInstantSerializer extends StdSerializer<Instant> {

        MillisInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(MillisInstants.format(value));
        }
    }
}
