package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A shadow check was not concluded by its {@code observeUntil}: the system expired it. */
@Revision("1")
public record ShadowCheckExpired(
        String metricId,
        String checkId,
        Instant expiredAt) implements MetricEvent {
}
