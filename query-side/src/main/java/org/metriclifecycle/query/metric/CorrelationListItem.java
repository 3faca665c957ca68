package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.time.LocalDate;

import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Verdict;

/**
 * One correlation in a metric's listing: its fields, verdict and interval, whether it {@code counted} towards its
 * hypothesis's status now, the correlation it {@code supersedes} and the one it was {@code supersededBy} (or null).
 */
public record CorrelationListItem(
        String correlationId,
        String hypothesisId,
        double coefficient,
        int sampleSize,
        LocalDate periodStart,
        LocalDate periodEnd,
        CorrelationMethod method,
        String source,
        String definitionVersion,
        Verdict verdict,
        CorrelationInterval interval,
        Instant recordedAt,
        boolean counted,
        String supersedes,
        String supersededBy) {
}
