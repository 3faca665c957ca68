package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A team proposed a metric; it must earn a supported hypothesis before {@code linkDeadline}. */
@Revision("1")
public record MetricProposed(
        String metricId,
        String name,
        String description,
        String team,
        String owner,
        String version,
        String validFor,
        String rationale,
        Instant proposedAt,
        Instant linkDeadline) implements MetricEvent {
}
