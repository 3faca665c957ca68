package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Someone handed the metric to a new owner by hand (the reason travels in the event's metadata). */
@Revision("1")
public record OwnerChanged(
        String metricId,
        String previousOwner,
        String newOwner,
        Instant changedAt) implements MetricEvent {
}
