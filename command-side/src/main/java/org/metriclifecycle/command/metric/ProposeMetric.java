package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a metric; {@code version} defaults to "1.0" when absent. */
public record ProposeMetric(
        @TargetAggregateIdentifier String metricId,
        String name,
        String description,
        String team,
        String owner,
        String version,
        String validFor,
        String rationale) {
}
