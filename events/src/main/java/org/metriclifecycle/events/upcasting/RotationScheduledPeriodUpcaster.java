package org.metriclifecycle.events.upcasting;

import java.math.BigDecimal;
import java.time.Duration;

import org.metriclifecycle.events.RotationScheduled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code RotationScheduled} revision 1 stored its period as a {@code Duration} in seconds (a JSON number such as
 * {@code 604800.000000000}); revision 2 stores ISO-8601 text, which can also say calendar months ({@code P1M}).
 * The same length, written as text: a schedule stored then hands off at the same instants.
 */
public final class RotationScheduledPeriodUpcaster extends PayloadRevisionUpcaster {

    public RotationScheduledPeriodUpcaster() {
        super(RotationScheduled.class, "1", "2", RotationScheduledPeriodUpcaster::periodAsText);
    }

    static JsonNode periodAsText(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        JsonNode period = event.get("period");
        if (period != null && period.isNumber()) {
            BigDecimal seconds = period.decimalValue();
            BigDecimal whole = new BigDecimal(seconds.toBigInteger());
            long nanos = seconds.subtract(whole).movePointRight(9).longValue();
            event.put("period", Duration.ofSeconds(whole.longValueExact(), nanos).toString());
        }
        return event;
    }
}
