package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The metric was retired for good, with a reason and optionally the metric that replaces it. */
@Revision("1")
public record MetricDeprecated(
        String metricId,
        String reason,
        String replacedBy,
        Instant deprecatedAt) implements MetricEvent {
}
