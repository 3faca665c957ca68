package org.metriclifecycle.command.metric;

import java.time.Duration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a shadow check; {@code observeFor} null means the default, PT72H. Answers the observeUntil instant. */
public record OpenShadowCheck(
        @TargetAggregateIdentifier String metricId,
        String checkId,
        String change,
        double evalDelta,
        String hypothesisId,
        Duration observeFor) {
}
