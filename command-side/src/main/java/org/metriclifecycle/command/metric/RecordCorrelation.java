package org.metriclifecycle.command.metric;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.CorrelationMethod;

/** A measured correlation for one hypothesis; handling it answers the {@link org.metriclifecycle.events.Verdict}. */
public record RecordCorrelation(
        @TargetAggregateIdentifier String metricId,
        String correlationId,
        String hypothesisId,
        double coefficient,
        int sampleSize,
        LocalDate periodStart,
        LocalDate periodEnd,
        CorrelationMethod method,
        String source) {
}
