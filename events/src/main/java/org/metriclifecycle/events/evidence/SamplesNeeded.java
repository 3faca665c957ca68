package org.metriclifecycle.events.evidence;

import java.util.OptionalInt;

/**
 * Planning: the smallest n at which a Pearson r of minCorrelation + 0.1 (at most 0.99) would clear the bar, that
 * is have its interval's low bound at or above minCorrelation, minSampleSize aside:
 * ceil((q / (atanh(min + 0.1) - atanh(min)))^2) + 3, q the two-sided critical value of the confidence.
 */
public final class SamplesNeeded {

    /** The strongest correlation planned for. */
    public static final double CEILING = 0.99;
    /** How far above the bar the planned correlation lies. */
    public static final double MARGIN = 0.1;

    private SamplesNeeded() {
    }

    /** Empty when minCorrelation &gt;= 0.99 (no r within reach lies above it by enough to plan for). */
    public static OptionalInt of(double minCorrelation, double confidence) {
        Arguments.minCorrelation(minCorrelation);
        double q = StandardNormal.twoSidedCritical(confidence);
        if (minCorrelation >= CEILING) {
            return OptionalInt.empty();
        }
        double target = Math.min(minCorrelation + MARGIN, CEILING);
        double ratio = q / (PearsonScale.atanh(target) - PearsonScale.atanh(minCorrelation));
        double needed = Math.ceil(ratio * ratio) + 3;
        Arguments.require(needed <= Integer.MAX_VALUE, "samplesNeeded overflows an int for " + minCorrelation);
        return OptionalInt.of((int) needed);
    }
}
