package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The outcome of a shadow check was observed: its delta, and whether it confirmed the eval or diverged from it. */
@Revision("1")
public record ShadowCheckConcluded(
        String metricId,
        String checkId,
        double outcomeDelta,
        Integer sampleSize,
        String note,
        ShadowCheckResult result,
        Instant concludedAt) implements MetricEvent {
}
