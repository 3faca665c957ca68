package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.evidence.DecisionRule;

/**
 * Ties a falsifiable hypothesis, with the criteria that will judge its evidence, to a metric. {@code decisionRule}
 * null means INTERVAL, {@code confidence} null means 0.95.
 */
public record LinkHypothesis(
        @TargetAggregateIdentifier String metricId,
        String hypothesisId,
        String outcome,
        String statement,
        Direction direction,
        double minCorrelation,
        int minSampleSize,
        DecisionRule decisionRule,
        Double confidence) {

    public LinkHypothesis(String metricId, String hypothesisId, String outcome, String statement, Direction direction,
                          double minCorrelation, int minSampleSize) {
        this(metricId, hypothesisId, outcome, statement, direction, minCorrelation, minSampleSize, null, null);
    }
}
