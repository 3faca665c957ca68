package org.metriclifecycle.command.metric;

import java.util.List;
import java.util.Optional;

import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.events.evidence.FisherEstimate;
import org.metriclifecycle.events.evidence.Pool;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.Verdict;

/** One metric with one hypothesis (POSITIVE, r >= 0.7 over >= 100 samples) and windows of seconds. */
final class MetricTestData {

    static final String METRIC_ID = "metric-1";
    static final String HYPOTHESIS_ID = "hypothesis-1";
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Duration LINK_WINDOW = Duration.ofSeconds(42);
    static final Duration REVALIDATION_INTERVAL = Duration.ofSeconds(90);
    static final LifecycleSettings SETTINGS = new LifecycleSettings(LINK_WINDOW, REVALIDATION_INTERVAL, Duration.ofHours(1));
    static final double MIN_CORRELATION = 0.7;
    static final int MIN_SAMPLE_SIZE = 100;
    // The period ends on T0's day: with a revalidation interval of seconds, evidence for an older period would be
    // past due when posted (409), and a due date counts from the earlier of recording and the period's end.
    static final LocalDate PERIOD_START = LocalDate.of(2025, 12, 6);
    static final LocalDate PERIOD_END = LocalDate.of(2026, 1, 5);

    private MetricTestData() {
    }

    static ProposeMetric propose() {
        return new ProposeMetric(METRIC_ID, "Hallucination rate", "Share of support answers with invented facts",
                "search", "carl", "1.0", "support answers, English", "users report wrong answers", null, null);
    }

    static MetricProposed proposed() {
        return proposedAt(T0);
    }

    static MetricProposed proposedAt(Instant at) {
        return new MetricProposed(METRIC_ID, "Hallucination rate", "Share of support answers with invented facts",
                "search", "carl", "1.0", "support answers, English", "users report wrong answers", at,
                at.plus(LINK_WINDOW));
    }

    static LinkHypothesis link() {
        return link(HYPOTHESIS_ID, Direction.POSITIVE);
    }

    static LinkHypothesis link(String hypothesisId, Direction direction) {
        return new LinkHypothesis(METRIC_ID, hypothesisId, "user-reported errors",
                "the rate tracks user-reported errors", direction, MIN_CORRELATION, MIN_SAMPLE_SIZE);
    }

    static HypothesisLinked linked() {
        return linked(HYPOTHESIS_ID, Direction.POSITIVE);
    }

    static HypothesisLinked linked(String hypothesisId, Direction direction) {
        return new HypothesisLinked(METRIC_ID, hypothesisId, "user-reported errors",
                "the rate tracks user-reported errors", direction, MIN_CORRELATION, MIN_SAMPLE_SIZE);
    }

    static RecordCorrelation record(String correlationId, double coefficient, int sampleSize) {
        return record(correlationId, HYPOTHESIS_ID, coefficient, sampleSize);
    }

    static RecordCorrelation record(String correlationId, String hypothesisId, double coefficient, int sampleSize) {
        return new RecordCorrelation(METRIC_ID, correlationId, hypothesisId, coefficient, sampleSize, PERIOD_START,
                PERIOD_END, CorrelationMethod.SPEARMAN, source(correlationId));
    }

    static RecordCorrelation supporting(String correlationId) {
        return record(correlationId, 0.9, 500);
    }

    static RecordCorrelation refuting(String correlationId) {
        return record(correlationId, 0.1, 500);
    }

    /**
     * Each correlation of the shared test data comes from its own pipeline, so that their equal periods never
     * overlap a counted one from the same source (which is refused unless it supersedes it).
     */
    static String source(String correlationId) {
        return "eval-pipeline-" + correlationId;
    }

    /**
     * The event {@link #record} yields when recorded at {@code at} against definition version "1.0", as the first
     * correlation of its hypothesis: its own interval at 0.95, its pool of one, and the status the verdict gives.
     */
    static CorrelationRecorded recorded(String correlationId, String hypothesisId, double coefficient,
                                        int sampleSize, Verdict verdict, Instant at) {
        HypothesisStatus status = verdict.isConclusive() ? HypothesisStatus.of(verdict) : HypothesisStatus.OPEN;
        Instant due = status == HypothesisStatus.SUPPORTED ? at.plus(REVALIDATION_INTERVAL) : null;
        return recordedWith(correlationId, hypothesisId, coefficient, sampleSize, verdict, at, status, due,
                List.of(new double[] {coefficient, sampleSize}), null);
    }

    /**
     * The full event; {@code pooledCorrelations} lists (r, n) of the counted SPEARMAN correlations, pooled here with
     * the library the aggregate uses (whose numbers are tested against independent values in events/). Every
     * correlation of the test data ends its period on {@link #PERIOD_END}, so the counting window starts one interval
     * before that day whenever anything counts.
     */
    static CorrelationRecorded recordedWith(String correlationId, String hypothesisId, double coefficient,
                                            int sampleSize, Verdict verdict, Instant at, HypothesisStatus status,
                                            Instant due, List<double[]> pooledCorrelations, String supersedes) {
        CorrelationInterval interval = FisherEstimate.of(CorrelationMethod.SPEARMAN, coefficient, sampleSize)
                .map(e -> CorrelationInterval.of(e.interval(0.95))).orElse(null);
        List<FisherEstimate> estimates = pooledCorrelations.stream()
                .map(rn -> FisherEstimate.of(CorrelationMethod.SPEARMAN, rn[0], (long) rn[1]))
                .flatMap(Optional::stream).toList();
        PooledEvidence pooled = Pool.of(estimates, 0.95).map(PooledEvidence::of).orElse(null);
        Instant countedSince = pooled == null ? null
                : PERIOD_END.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minus(REVALIDATION_INTERVAL);
        return new CorrelationRecorded(METRIC_ID, correlationId, hypothesisId, coefficient, sampleSize,
                PERIOD_START, PERIOD_END, CorrelationMethod.SPEARMAN, source(correlationId), "1.0", verdict, at, due,
                interval, supersedes, status, pooled, null, countedSince);
    }

    /** The hypothesis linked from now on: INTERVAL at 0.95, same criteria as {@link #linked()}. */
    static HypothesisLinked linkedInterval(String hypothesisId, Direction direction) {
        return new HypothesisLinked(METRIC_ID, hypothesisId, "user-reported errors",
                "the rate tracks user-reported errors", direction, MIN_CORRELATION, MIN_SAMPLE_SIZE,
                DecisionRule.INTERVAL, 0.95);
    }

    static CorrelationRecorded recorded(String correlationId, double coefficient, int sampleSize, Verdict verdict,
                                        Instant at) {
        return recorded(correlationId, HYPOTHESIS_ID, coefficient, sampleSize, verdict, at);
    }

    static MetricDeprecated deprecated() {
        return new MetricDeprecated(METRIC_ID, "superseded by a better eval", null, T0);
    }

    static FisherEstimate pearson(double r, int n) {
        return FisherEstimate.of(CorrelationMethod.PEARSON, r, n).orElseThrow();
    }

    /** The same event measured against another definition version. */
    static CorrelationRecorded onVersion(CorrelationRecorded e, String definitionVersion) {
        return new CorrelationRecorded(e.metricId(), e.correlationId(), e.hypothesisId(), e.coefficient(),
                e.sampleSize(), e.periodStart(), e.periodEnd(), e.method(), e.source(), definitionVersion, e.verdict(),
                e.recordedAt(), e.revalidationDue(), e.interval(), e.supersedes(), e.hypothesisStatus(), e.pooled(),
                e.counted(), e.countedSince());
    }
}
