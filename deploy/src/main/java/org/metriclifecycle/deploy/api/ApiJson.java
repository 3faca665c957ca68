package org.metriclifecycle.deploy.api;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.TimeBounds;
import org.metriclifecycle.query.metric.ViewJson;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The HTTP API's JSON rules: unknown fields, wrong types and lossy coercions are refused (400) rather than
 * silently bound (a date, instant or duration only from a JSON string, a number never from a string, nor the
 * reverse); text is trimmed and NFC-normalized, with the characters {@link TextRules} names refused; dates and
 * instants lie in 1970..9999; instants are written in UTC with millisecond precision.
 */
@Singleton
public class ApiJson implements ObjectMapperCustomizer {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String YEARS = "must lie between the years 1970 and 9999";

    /** Last, so these rules win over the modules Quarkus registers itself (its JavaTimeModule among them). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("metric-lifecycle-api")
                .addDeserializer(String.class, new CleanTextDeserializer())
                .addDeserializer(LocalDate.class, new StrictDateDeserializer())
                .addDeserializer(Instant.class, new StrictInstantDeserializer())
                .addDeserializer(Duration.class, new StrictDurationDeserializer())
                .addDeserializer(RotationPeriod.class, new StrictRotationPeriodDeserializer())
                .addDeserializer(Double.class, new FiniteDoubleDeserializer(Double.class, null))
                .addDeserializer(double.class, new FiniteDoubleDeserializer(Double.TYPE, 0.0)));
        mapper.registerModule(ViewJson.instantsInMillis());
        mapper.registerModule(ViewJson.durationsAsText());
    }

    static final class CleanTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String raw = super.deserialize(parser, context);
            if (raw == null) {
                return null;
            }
            String refusal = TextRules.refusal(raw);
            if (refusal != null) {
                throw new Refused(parser, raw, String.class, refusal);
            }
            return TextRules.normalize(raw);
        }
    }

    /** A date only from a JSON string "YYYY-MM-DD" (not an instant, an array or a day number), 1970..9999. */
    static final class StrictDateDeserializer extends StdScalarDeserializer<LocalDate> {

        StrictDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = stringToken(parser, context, LocalDate.class);
            LocalDate date;
            try {
                date = DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
            } catch (DateTimeException e) {
                date = null;
            }
            if (date == null) {
                throw new Refused(parser, text, LocalDate.class, "must be a date YYYY-MM-DD");
            }
            if (!TimeBounds.contains(date)) {
                throw new Refused(parser, text, LocalDate.class, YEARS);
            }
            return date;
        }
    }

    /** An instant only from a JSON string (ISO-8601 with Z or an offset; not epoch numbers), 1970..9999. */
    static final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

        StrictInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = stringToken(parser, context, Instant.class);
            Instant instant;
            try {
                instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            } catch (DateTimeException e) {
                throw new Refused(parser, text, Instant.class, "must be an ISO-8601 UTC instant");
            }
            if (!TimeBounds.contains(instant)) {
                throw new Refused(parser, text, Instant.class, YEARS);
            }
            return instant;
        }
    }

    /** A duration only from a JSON string such as "PT72H" (not a number of seconds), of at most 100 years. */
    static final class StrictDurationDeserializer extends StdScalarDeserializer<Duration> {

        private static final Duration LONGEST = Duration.ofDays(36_525);

        StrictDurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = stringToken(parser, context, Duration.class);
            try {
                Duration duration = Duration.parse(text);
                if (duration.abs().compareTo(LONGEST) <= 0) {
                    return duration;
                }
            } catch (DateTimeException | ArithmeticException e) {
                // answered below
            }
            throw new Refused(parser, text, Duration.class,
                    "must be an ISO-8601 duration such as PT72H, of at most 100 years");
        }
    }

    /** A rotation period only from a JSON string; which periods a team may use is the team stream's rule. */
    static final class StrictRotationPeriodDeserializer extends StdScalarDeserializer<RotationPeriod> {

        StrictRotationPeriodDeserializer() {
            super(RotationPeriod.class);
        }

        @Override
        public RotationPeriod deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = stringToken(parser, context, RotationPeriod.class);
            try {
                return RotationPeriod.parse(text);
            } catch (IllegalArgumentException e) {
                throw new Refused(parser, text, RotationPeriod.class, e.getMessage());
            }
        }
    }

    /** Numbers stay finite: 1e999 reads as infinity, which no field means and no answer can write. */
    static final class FiniteDoubleDeserializer extends NumberDeserializers.DoubleDeserializer {

        FiniteDoubleDeserializer(Class<Double> type, Double empty) {
            super(type, empty);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = super.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                throw new Refused(parser, value, Double.class, "must be a finite number");
            }
            return value;
        }
    }

    /** A value of the right JSON type that breaks the field's rule; the message is the rule, in the API's words. */
    static final class Refused extends InvalidFormatException {

        Refused(JsonParser parser, Object value, Class<?> type, String rule) {
            super(parser, rule, value, type);
        }
    }

    private static String stringToken(JsonParser parser, DeserializationContext context, Class<?> type)
            throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(context.constructType(type), parser.currentToken(), parser,
                    "must be a JSON string");
        }
        return parser.getText().strip();
    }
}
