package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A production failure the metric did not catch; {@code incidentRef} optionally points at the incident. */
public record RecordBlindSpot(
        @TargetAggregateIdentifier String metricId,
        String blindSpotId,
        String failureMode,
        String description,
        String incidentRef) {
}
