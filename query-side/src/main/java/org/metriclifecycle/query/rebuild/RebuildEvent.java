package org.metriclifecycle.query.rebuild;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored event as a rebuild folds it: decoded (upcast and deserialized by whoever read it), with the position
 * the projections are given by Axon.
 *
 * @param aggregateId the stream's identifier (a metric's id, or {@code team:<slug>})
 * @param sequence    the event's number in its stream, from 0
 * @param occurredAt  the event's timestamp
 * @param payload     the deserialized event (a MetricEvent or a TeamEvent; anything else is ignored)
 * @param metaData    the event's metadata (actor, reason, ...)
 */
public record RebuildEvent(String aggregateId, long sequence, Instant occurredAt, Object payload,
                           Map<String, ?> metaData) {

    public RebuildEvent {
        Objects.requireNonNull(aggregateId, "aggregateId");
        metaData = metaData == null ? Map.of() : metaData;
    }
}
