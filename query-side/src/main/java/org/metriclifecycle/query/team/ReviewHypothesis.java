package org.metriclifecycle.query.team;

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
        CorrelationView latestEvidence) {

    public static ReviewHypothesis of(HypothesisView hypothesis) {
        return new ReviewHypothesis(hypothesis.hypothesisId(), hypothesis.outcome(), hypothesis.statement(),
                hypothesis.direction(), hypothesis.minCorrelation(), hypothesis.minSampleSize(), hypothesis.status(),
                hypothesis.latestCorrelation());
    }
}
