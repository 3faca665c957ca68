package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The team's rotation schedule {@code scheduleId} handed the metric to its next owner at handoff number {@code handoff}. */
@Revision("1")
public record OwnershipRotated(
        String metricId,
        String previousOwner,
        String newOwner,
        String scheduleId,
        long handoff,
        Instant rotatedAt) implements MetricEvent {
}
