package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Concludes a shadow check with the outcome's delta; answers the {@link org.metriclifecycle.events.ShadowCheckResult}. */
public record ConcludeShadowCheck(
        @TargetAggregateIdentifier String metricId,
        String checkId,
        double outcomeDelta,
        Integer sampleSize,
        String note) {
}
