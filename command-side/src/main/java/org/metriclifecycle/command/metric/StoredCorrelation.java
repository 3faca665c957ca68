package org.metriclifecycle.command.metric;

import java.time.Instant;
import java.time.LocalDate;

import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.evidence.RecordedCorrelation;

/** One recorded correlation as the aggregate remembers it. */
record StoredCorrelation(String correlationId, CorrelationMethod method, double coefficient, int sampleSize,
                         LocalDate periodStart, LocalDate periodEnd, String source, long definitionMajor,
                         Instant recordedAt, boolean superseded) {

    StoredCorrelation asSuperseded() {
        return new StoredCorrelation(correlationId, method, coefficient, sampleSize, periodStart, periodEnd, source,
                definitionMajor, recordedAt, true);
    }

    RecordedCorrelation asRecorded() {
        return new RecordedCorrelation(correlationId, method, coefficient, sampleSize, periodEnd, definitionMajor,
                superseded);
    }
}
