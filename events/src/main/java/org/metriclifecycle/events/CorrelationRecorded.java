package org.metriclifecycle.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A pipeline measured a correlation for one hypothesis. The verdict is decided when it is recorded, against the
 * hypothesis's criteria, decision rule and confidence and the definition version in force, so later rule changes
 * never rewrite old evidence.
 * <p>
 * Revision 2 also carries what the recording decided for the hypothesis and the metric: the correlation's
 * {@code interval} (null when none exists), the correlation it {@code supersedes}, the {@code hypothesisStatus} after
 * it, the {@code pooled} evidence of the hypothesis's counted correlations (null when none counts), the ids of the
 * {@code counted} correlations, and {@code revalidationDue}: the metric's due date after it (null when no hypothesis
 * is supported). A revision-1 event (upcast with those fields null) keeps its first meaning: the hypothesis takes a
 * conclusive verdict as its status, and {@code revalidationDue} is set only by a supporting correlation.
 */
@Revision("2")
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
        Instant revalidationDue,
        CorrelationInterval interval,
        String supersedes,
        HypothesisStatus hypothesisStatus,
        PooledEvidence pooled,
        List<String> counted) implements MetricEvent {

    public CorrelationRecorded {
        counted = counted == null ? null : List.copyOf(counted);
    }

    /** A correlation as recorded before revision 2 (judged the first way). */
    public CorrelationRecorded(String metricId, String correlationId, String hypothesisId, double coefficient,
                               int sampleSize, LocalDate periodStart, LocalDate periodEnd, CorrelationMethod method,
                               String source, String definitionVersion, Verdict verdict, Instant recordedAt,
                               Instant revalidationDue) {
        this(metricId, correlationId, hypothesisId, coefficient, sampleSize, periodStart, periodEnd, method, source,
                definitionVersion, verdict, recordedAt, revalidationDue, null, null, null, null, null);
    }

    /** Whether this event was recorded with the pooled bookkeeping (revision 2 on). */
    public boolean carriesStatus() {
        return hypothesisStatus != null;
    }

    /**
     * The hypothesis's status after this correlation: the carried one, or for a first-revision event the verdict
     * when it is conclusive; empty when a first-revision event left the status alone.
     */
    public java.util.Optional<HypothesisStatus> statusAfter() {
        if (hypothesisStatus != null) {
            return java.util.Optional.of(hypothesisStatus);
        }
        return verdict.isConclusive() ? java.util.Optional.of(HypothesisStatus.of(verdict))
                : java.util.Optional.empty();
    }
}
