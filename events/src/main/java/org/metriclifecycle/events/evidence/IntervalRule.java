package org.metriclifecycle.events.evidence;

import java.util.Optional;

import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;

/**
 * The INTERVAL decision rule. The interval is oriented by the hypothesis's direction (NEGATIVE: [-high, -low]);
 * with {@code sampleSize >= minSampleSize} it is SUPPORTED when the oriented low bound reaches the bar
 * ({@code low >= minCorrelation}) and REFUTED when the oriented high bound stays below it
 * ({@code high < minCorrelation}); in every other case (too small a sample, no interval, or an interval that
 * straddles the bar) INCONCLUSIVE.
 */
public final class IntervalRule {

    private IntervalRule() {
    }

    /**
     * Judges an interval drawn from {@code sampleSize} samples (one correlation, or the sum over a pool). An
     * empty interval (too few samples to have one) is INCONCLUSIVE.
     */
    public static Verdict verdict(Optional<Interval> interval, long sampleSize, SupportCriteria criteria) {
        Arguments.notNull(interval, "interval");
        Arguments.criteria(criteria);
        Arguments.require(sampleSize >= 0, "sampleSize must not be negative, was " + sampleSize);
        if (interval.isEmpty() || sampleSize < criteria.minSampleSize()) {
            return Verdict.INCONCLUSIVE;
        }
        Interval oriented = interval.get().oriented(criteria.direction());
        if (oriented.low() >= criteria.minCorrelation()) {
            return Verdict.SUPPORTED;
        }
        if (oriented.high() < criteria.minCorrelation()) {
            return Verdict.REFUTED;
        }
        return Verdict.INCONCLUSIVE;
    }

    /** The verdict on one recorded coefficient: its own interval at the hypothesis's confidence. */
    public static Verdict verdict(CorrelationMethod method, double r, int sampleSize, SupportCriteria criteria,
                                  double confidence) {
        Arguments.confidence(confidence);
        Optional<Interval> interval = FisherEstimate.of(method, r, sampleSize).map(e -> e.interval(confidence));
        return verdict(interval, sampleSize, criteria);
    }
}
