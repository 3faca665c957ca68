package org.metriclifecycle.query.metric;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.events.evidence.SamplesNeeded;

/**
 * A hypothesis of a metric with its criteria, its status and the most recent correlation of any verdict (null
 * before the first one), so an inconclusive measurement is visible even though it changes no status; the pool of its
 * counted correlations ({@code pooled}, null when none counts), its decision rule and confidence, and
 * {@code samplesNeeded} (null when the bar is 0.99 or more).
 */
public record HypothesisView(
        String hypothesisId,
        String outcome,
        String statement,
        Direction direction,
        double minCorrelation,
        int minSampleSize,
        HypothesisStatus status,
        CorrelationView latestCorrelation,
        PooledEvidence pooled,
        DecisionRule decisionRule,
        double confidence,
        Integer samplesNeeded) {

    public HypothesisView(String hypothesisId, String outcome, String statement, Direction direction,
                          double minCorrelation, int minSampleSize, HypothesisStatus status,
                          CorrelationView latestCorrelation) {
        this(hypothesisId, outcome, statement, direction, minCorrelation, minSampleSize, status, latestCorrelation,
                null, DecisionRule.POINT, DecisionRule.DEFAULT_CONFIDENCE,
                samplesNeeded(minCorrelation, DecisionRule.DEFAULT_CONFIDENCE));
    }

    /** A freshly linked hypothesis: OPEN until its evidence speaks. */
    public static HypothesisView linked(HypothesisLinked linked) {
        return new HypothesisView(linked.hypothesisId(), linked.outcome(), linked.statement(), linked.direction(),
                linked.minCorrelation(), linked.minSampleSize(), HypothesisStatus.OPEN, null, null,
                linked.decisionRule(), linked.confidence(), samplesNeeded(linked.minCorrelation(), linked.confidence()));
    }

    static Integer samplesNeeded(double minCorrelation, double confidence) {
        if (!(minCorrelation > 0 && minCorrelation <= 1) || !(confidence > 0.5 && confidence < 1)) {
            return null;
        }
        var needed = SamplesNeeded.of(minCorrelation, confidence);
        return needed.isPresent() ? needed.getAsInt() : null;
    }

    public HypothesisView withStatus(HypothesisStatus newStatus) {
        return new HypothesisView(hypothesisId, outcome, statement, direction, minCorrelation, minSampleSize,
                newStatus, latestCorrelation, pooled, decisionRule, confidence, samplesNeeded);
    }

    public HypothesisView withLatestCorrelation(CorrelationView correlation) {
        return new HypothesisView(hypothesisId, outcome, statement, direction, minCorrelation, minSampleSize,
                status, correlation, pooled, decisionRule, confidence, samplesNeeded);
    }

    public HypothesisView withPooled(PooledEvidence newPooled) {
        return new HypothesisView(hypothesisId, outcome, statement, direction, minCorrelation, minSampleSize,
                status, latestCorrelation, newPooled, decisionRule, confidence, samplesNeeded);
    }
}
