package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.MetricEvent;

/**
 * One event of a metric's audit trail: who did what when, why, and which fields of the view it changed.
 *
 * @param sequence the event's number in the metric's stream, from 0
 * @param type     the event's name (the event class's simple name)
 * @param changes  changed leaves of the view by path, in view order
 */
public record HistoryEntry(
        long sequence,
        String type,
        Instant occurredAt,
        String actor,
        String reason,
        Map<String, FieldChange> changes) {

    public HistoryEntry {
        changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /**
     * Describes {@code event}, given the view it found ({@code before}, null for the first event) and the view it
     * left ({@code after}).
     */
    public static HistoryEntry of(long sequence, MetricEvent event, Instant occurredAt, Map<String, ?> metaData,
                                  MetricView before, MetricView after) {
        return new HistoryEntry(sequence, event.getClass().getSimpleName(), occurredAt, actor(metaData),
                reason(metaData, event), ViewDiff.between(before, after));
    }

    /**
     * {@link #of} with both views already flattened ({@link ViewDiff#leavesOf}): the rebuild's fold keeps the leaves
     * of the view it left for the next event, rather than flattening every view twice.
     */
    public static HistoryEntry ofLeaves(long sequence, MetricEvent event, Instant occurredAt, Map<String, ?> metaData,
                                        Map<String, JsonNode> before, Map<String, JsonNode> after) {
        return new HistoryEntry(sequence, event.getClass().getSimpleName(), occurredAt, actor(metaData),
                reason(metaData, event), ViewDiff.betweenLeaves(before, after));
    }

    /** The actor an event's metadata names: the authenticated principal, or {@code system} for the service's own. */
    public static String actor(Map<String, ?> metaData) {
        String actor = text(metaData, EventMetadata.ACTOR);
        return actor == null ? EventMetadata.ANONYMOUS_ACTOR : actor;
    }

    // The request's own words win; system decisions carry their reason in the payload instead.
    private static String reason(Map<String, ?> metaData, MetricEvent event) {
        String reason = text(metaData, EventMetadata.REASON);
        if (reason != null) {
            return reason;
        }
        if (event instanceof MetricDeprioritized deprioritized) {
            return deprioritized.reason();
        }
        if (event instanceof MetricDeprecated deprecated) {
            return deprecated.reason();
        }
        return null;
    }

    /** The reason the request gave, if any. */
    public static String reason(Map<String, ?> metaData) {
        return text(metaData, EventMetadata.REASON);
    }

    private static String text(Map<String, ?> metaData, String key) {
        Object value = metaData == null ? null : metaData.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }
}
