package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** While {@code member} is away ({@code from} inclusive, {@code to} exclusive) {@code replacement} takes their metrics. */
@Revision("1")
public record RotationOverrideAdded(
        String team,
        String overrideId,
        String member,
        String replacement,
        Instant from,
        Instant to) implements TeamEvent {
}
