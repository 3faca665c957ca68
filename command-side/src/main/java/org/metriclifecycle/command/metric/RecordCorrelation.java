package org.metriclifecycle.command.metric;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.CorrelationMethod;

/**
 * A measured correlation for one hypothesis; handling it answers a {@link CorrelationJudged}.
 * {@code definitionVersion} null means the metric's current version; {@code supersedes} names a correlation it
 * corrects, or is null.
 */
public record RecordCorrelation(
        @TargetAggregateIdentifier String metricId,
        String correlationId,
        String hypothesisId,
        double coefficient,
        int sampleSize,
        LocalDate periodStart,
        LocalDate periodEnd,
        CorrelationMethod method,
        String source,
        String definitionVersion,
        String supersedes) {

    public RecordCorrelation(String metricId, String correlationId, String hypothesisId, double coefficient,
                             int sampleSize, LocalDate periodStart, LocalDate periodEnd, CorrelationMethod method,
                             String source) {
        this(metricId, correlationId, hypothesisId, coefficient, sampleSize, periodStart, periodEnd, method, source,
                null, null);
    }
}
