package org.metriclifecycle.events;

/**
 * The event family of one metric's stream. Every fact about a metric is one of these; the stream's
 * aggregate identifier is {@link #metricId()}.
 */
public sealed interface MetricEvent
        permits MetricProposed, HypothesisLinked, CorrelationRecorded, CorrelationSuperseded, MetricDeprioritized, MetricReprioritized,
        MetricDeprecated, OwnerChanged, OwnershipRotated, MetricDefinitionRevised, BlindSpotRecorded, ShadowCheckOpened, ShadowCheckConcluded, ShadowCheckExpired {

    String metricId();
}
