package org.metriclifecycle.command.metric;

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
    static final LifecycleSettings SETTINGS = new LifecycleSettings(LINK_WINDOW, REVALIDATION_INTERVAL);
    static final double MIN_CORRELATION = 0.7;
    static final int MIN_SAMPLE_SIZE = 100;
    static final LocalDate PERIOD_START = LocalDate.of(2025, 12, 1);
    static final LocalDate PERIOD_END = LocalDate.of(2025, 12, 31);

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
                PERIOD_END, CorrelationMethod.SPEARMAN, "eval-pipeline");
    }

    static RecordCorrelation supporting(String correlationId) {
        return record(correlationId, 0.9, 500);
    }

    static RecordCorrelation refuting(String correlationId) {
        return record(correlationId, 0.1, 500);
    }

    /** The event {@link #record} yields when recorded at {@code at} against definition version "1.0". */
    static CorrelationRecorded recorded(String correlationId, String hypothesisId, double coefficient,
                                        int sampleSize, Verdict verdict, Instant at) {
        Instant due = verdict == Verdict.SUPPORTED ? at.plus(REVALIDATION_INTERVAL) : null;
        return new CorrelationRecorded(METRIC_ID, correlationId, hypothesisId, coefficient, sampleSize,
                PERIOD_START, PERIOD_END, CorrelationMethod.SPEARMAN, "eval-pipeline", "1.0", verdict, at, due);
    }

    static CorrelationRecorded recorded(String correlationId, double coefficient, int sampleSize, Verdict verdict,
                                        Instant at) {
        return recorded(correlationId, HYPOTHESIS_ID, coefficient, sampleSize, verdict, at);
    }

    static MetricDeprecated deprecated() {
        return new MetricDeprecated(METRIC_ID, "superseded by a better eval", null, T0);
    }
}
