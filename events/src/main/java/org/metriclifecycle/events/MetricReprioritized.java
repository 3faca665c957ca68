package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A deprioritized metric earned new supporting evidence (the correlation named here) and is validated again. */
@Revision("1")
public record MetricReprioritized(
        String metricId,
        String correlationId,
        Instant reprioritizedAt) implements MetricEvent {
}
