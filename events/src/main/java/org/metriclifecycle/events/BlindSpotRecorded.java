package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A production failure this metric did not catch. */
@Revision("1")
public record BlindSpotRecorded(
        String metricId,
        String blindSpotId,
        String failureMode,
        String description,
        String incidentRef,
        Instant recordedAt) implements MetricEvent {
}
