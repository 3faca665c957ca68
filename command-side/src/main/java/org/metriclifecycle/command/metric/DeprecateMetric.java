package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires a metric for good; {@code replacedBy} is optional and its existence is checked before dispatch. */
public record DeprecateMetric(
        @TargetAggregateIdentifier String metricId,
        String reason,
        String replacedBy) {
}
