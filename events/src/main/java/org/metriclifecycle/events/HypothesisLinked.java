package org.metriclifecycle.events;

import org.axonframework.serialization.Revision;

/**
 * A falsifiable business hypothesis was tied to the metric, with the criteria that judge its evidence.
 * Revision 2 keeps the criteria together as one value; revision 1 stored them as three top-level fields and is
 * read through {@link upcasting.HypothesisLinkedCriteriaUpcaster}.
 */
@Revision("2")
public record HypothesisLinked(
        String metricId,
        String hypothesisId,
        String outcome,
        String statement,
        SupportCriteria criteria) implements MetricEvent {

    public HypothesisLinked(String metricId, String hypothesisId, String outcome, String statement,
                            Direction direction, double minCorrelation, int minSampleSize) {
        this(metricId, hypothesisId, outcome, statement, new SupportCriteria(direction, minCorrelation, minSampleSize));
    }

    public Direction direction() {
        return criteria.direction();
    }

    public double minCorrelation() {
        return criteria.minCorrelation();
    }

    public int minSampleSize() {
        return criteria.minSampleSize();
    }
}
