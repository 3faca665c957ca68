package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.time.LocalDate;

import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Verdict;

/**
 * One recorded correlation as the API shows it. {@code source} and {@code definitionVersion} travel with it so a
 * reader can tell which pipeline measured it and against which definition.
 */
public record CorrelationView(
        String correlationId,
        double coefficient,
        int sampleSize,
        LocalDate periodStart,
        LocalDate periodEnd,
        CorrelationMethod method,
        Verdict verdict,
        Instant recordedAt,
        String source,
        String definitionVersion) {

    public static CorrelationView of(CorrelationRecorded recorded) {
        return new CorrelationView(recorded.correlationId(), recorded.coefficient(), recorded.sampleSize(),
                recorded.periodStart(), recorded.periodEnd(), recorded.method(), recorded.verdict(),
                recorded.recordedAt(), recorded.source(), recorded.definitionVersion());
    }
}
