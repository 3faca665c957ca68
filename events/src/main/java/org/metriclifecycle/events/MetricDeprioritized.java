package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The system deprioritized the metric because an automatic rule found it without current evidence. */
@Revision("1")
public record MetricDeprioritized(
        String metricId,
        DeprioritizationRule rule,
        String reason,
        Instant deprioritizedAt) implements MetricEvent {
}
