package org.metriclifecycle.query.team;

import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.evidence.DecisionRule;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.query.metric.CorrelationView;
import org.metriclifecycle.query.metric.HypothesisView;

/**
 * A hypothesis as the review shows it: the claim, the criteria that judge it, its status and the latest
 * correlation of any verdict (null before the first).
 */
public record ReviewHypothesis(
        String hypothesisId,
        String outcome,
        String statement,
        Direction direction,
        double minCorrelation,
        int minSampleSize,
        HypothesisStatus status,
        CorrelationView latestEvidence,
        DecisionRule decisionRule,
        double confidence,
        Integer samplesNeeded,
        PooledEvidence pooled,
        Double pValue,
        Double qValue) {

    public static ReviewHypothesis of(HypothesisView hypothesis) {
        return of(hypothesis, null, null);
    }

    /** With the one-sided p-value against the bar and the team-wide BH q-value (null unless SUPPORTED INTERVAL). */
    public static ReviewHypothesis of(HypothesisView hypothesis, Double pValue, Double qValue) {
        return new ReviewHypothesis(hypothesis.hypothesisId(), hypothesis.outcome(), hypothesis.statement(),
                hypothesis.direction(), hypothesis.minCorrelation(), hypothesis.minSampleSize(), hypothesis.status(),
                hypothesis.latestCorrelation(), hypothesis.decisionRule(), hypothesis.confidence(),
                hypothesis.samplesNeeded(), hypothesis.pooled(), pValue, qValue);
    }

    /** Whether the review tests it for a false discovery: SUPPORTED by a pool under the INTERVAL rule. */
    public static boolean isTested(HypothesisView hypothesis) {
        return hypothesis.status() == HypothesisStatus.SUPPORTED && hypothesis.decisionRule() == DecisionRule.INTERVAL
                && hypothesis.pooled() != null && hypothesis.pooled().standardError() > 0;
    }
}
