package org.metriclifecycle.events;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A pipeline measured a correlation for one hypothesis. The verdict is decided when it is recorded, against the
 * hypothesis's criteria and the definition version in force, so later rule changes never rewrite old evidence.
 * {@code revalidationDue} is set only when the correlation supports its hypothesis.
 */
@Revision("1")
public record CorrelationRecorded(
        String metricId,
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
        Instant recordedAt,
        Instant revalidationDue) implements MetricEvent {
}
