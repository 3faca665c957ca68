package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.Direction;

/** Ties a falsifiable hypothesis, with the criteria that will judge its evidence, to a metric. */
public record LinkHypothesis(
        @TargetAggregateIdentifier String metricId,
        String hypothesisId,
        String outcome,
        String statement,
        Direction direction,
        double minCorrelation,
        int minSampleSize) {
}
