package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a metric; {@code version} defaults to "1.0" when absent. It takes one of its team's slots: beyond the
 * team's budget it is refused unless it names an active metric of the same team it {@code replaces}, with a
 * {@code businessCase}, in which case that metric is deprecated in the same step.
 */
public record ProposeMetric(
        @TargetAggregateIdentifier String metricId,
        String name,
        String description,
        String team,
        String owner,
        String version,
        String validFor,
        String rationale,
        String replaces,
        String businessCase) {
}
