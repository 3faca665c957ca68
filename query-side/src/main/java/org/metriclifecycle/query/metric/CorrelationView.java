package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.time.LocalDate;

import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.evidence.CountedCorrelations;

/**
 * One recorded correlation as the API shows it. {@code source} and {@code definitionVersion} travel with it so a
 * reader can tell which pipeline measured it and against which definition; {@code interval} is its own confidence
 * interval (null when none exists); {@code counted} whether it counts towards its hypothesis's pooled status now.
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
        String definitionVersion,
        CorrelationInterval interval,
        boolean counted) {

    public CorrelationView(String correlationId, double coefficient, int sampleSize, LocalDate periodStart,
                           LocalDate periodEnd, CorrelationMethod method, Verdict verdict, Instant recordedAt,
                           String source, String definitionVersion) {
        this(correlationId, coefficient, sampleSize, periodStart, periodEnd, method, verdict, recordedAt, source,
                definitionVersion, null, verdict.isConclusive());
    }

    public static CorrelationView of(CorrelationRecorded recorded) {
        return new CorrelationView(recorded.correlationId(), recorded.coefficient(), recorded.sampleSize(),
                recorded.periodStart(), recorded.periodEnd(), recorded.method(), recorded.verdict(),
                recorded.recordedAt(), recorded.source(), recorded.definitionVersion(), recorded.interval(),
                countedWhenRecorded(recorded));
    }

    /**
     * Whether the correlation counted when it was recorded: it lies in the window it names, or is among the ids it
     * lists; for a correlation judged the first way (which names neither), it was conclusive, as the latest
     * conclusive one decided.
     */
    static boolean countedWhenRecorded(CorrelationRecorded recorded) {
        if (recorded.listsCounted()) {
            return recorded.counted().contains(recorded.correlationId());
        }
        if (!recorded.carriesStatus()) {
            return recorded.verdict().isConclusive();
        }
        // Measured on the current major version when it was recorded, and nothing supersedes it yet.
        return recorded.interval() != null && recorded.countedSince() != null
                && CountedCorrelations.isInWindow(recorded.periodEnd(), recorded.countedSince());
    }

    public CorrelationView uncounted() {
        return new CorrelationView(correlationId, coefficient, sampleSize, periodStart, periodEnd, method, verdict,
                recordedAt, source, definitionVersion, interval, false);
    }
}
