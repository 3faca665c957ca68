package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A correction replaced a recorded correlation: {@code supersededBy} names it in {@code supersedes}. The old one stays
 * on display but stops counting. Applied just before the correcting {@link CorrelationRecorded}.
 */
@Revision("1")
public record CorrelationSuperseded(
        String metricId,
        String correlationId,
        String hypothesisId,
        String supersededBy,
        Instant supersededAt) implements MetricEvent {
}
