package org.metriclifecycle.events;

import org.axonframework.serialization.Revision;

/** A falsifiable business hypothesis was tied to the metric, with the criteria that judge its evidence. */
@Revision("1")
public record HypothesisLinked(
        String metricId,
        String hypothesisId,
        String outcome,
        String statement,
        Direction direction,
        double minCorrelation,
        int minSampleSize) implements MetricEvent {
}
