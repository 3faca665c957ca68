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
 * it, the {@code pooled} evidence of the hypothesis's counted correlations (null when none counts), and
 * {@code revalidationDue}: the metric's due date after it (null when no hypothesis is supported). A revision-1 event
 * (upcast with those fields null) keeps its first meaning: the hypothesis takes a conclusive verdict as its status,
 * and {@code revalidationDue} is set only by a supporting correlation.
 * <p>
 * Which of the hypothesis's correlations count after it: revision 2 listed their ids in {@code counted}, so the event
 * grew with the evidence; revision 3 names the window instead, {@code countedSince}, the first instant a counted
 * correlation's {@code periodEnd} day may start at (null when none counts), and a reader applies
 * {@link org.metriclifecycle.events.evidence.CountedCorrelations#counts} to the hypothesis's correlations. A
 * revision-2 event keeps its list (and names no window); a revision-3 one lists nothing.
 */
@Revision("3")
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
        List<String> counted,
        Instant countedSince) implements MetricEvent {

    public CorrelationRecorded {
        counted = counted == null ? null : List.copyOf(counted);
    }

    /** A correlation as recorded before revision 2 (judged the first way). */
    public CorrelationRecorded(String metricId, String correlationId, String hypothesisId, double coefficient,
                               int sampleSize, LocalDate periodStart, LocalDate periodEnd, CorrelationMethod method,
                               String source, String definitionVersion, Verdict verdict, Instant recordedAt,
                               Instant revalidationDue) {
        this(metricId, correlationId, hypothesisId, coefficient, sampleSize, periodStart, periodEnd, method, source,
                definitionVersion, verdict, recordedAt, revalidationDue, null, null, null, null, null, null);
    }

    /** Whether this event lists the ids of the counted correlations (revision 2) rather than naming a window. */
    public boolean listsCounted() {
        return counted != null;
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
