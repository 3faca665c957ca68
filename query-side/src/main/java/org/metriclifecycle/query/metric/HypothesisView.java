package org.metriclifecycle.query.metric;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.HypothesisStatus;

/**
 * A hypothesis of a metric with its criteria, its status and the most recent correlation of any verdict (null
 * before the first one), so an inconclusive measurement is visible even though it changes no status.
 */
public record HypothesisView(
        String hypothesisId,
        String outcome,
        String statement,
        Direction direction,
        double minCorrelation,
        int minSampleSize,
        HypothesisStatus status,
        CorrelationView latestCorrelation) {

    /** A freshly linked hypothesis: OPEN until a conclusive correlation speaks. */
    public static HypothesisView linked(HypothesisLinked linked) {
        return new HypothesisView(linked.hypothesisId(), linked.outcome(), linked.statement(), linked.direction(),
                linked.minCorrelation(), linked.minSampleSize(), HypothesisStatus.OPEN, null);
    }

    public HypothesisView withStatus(HypothesisStatus newStatus) {
        return new HypothesisView(hypothesisId, outcome, statement, direction, minCorrelation, minSampleSize,
                newStatus, latestCorrelation);
    }

    public HypothesisView withLatestCorrelation(CorrelationView correlation) {
        return new HypothesisView(hypothesisId, outcome, statement, direction, minCorrelation, minSampleSize,
                status, correlation);
    }
}
