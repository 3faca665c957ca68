package org.metriclifecycle.command.metric;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.Verdict;

/** What a correlation must show to support a hypothesis. */
public record HypothesisCriteria(Direction direction, double minCorrelation, int minSampleSize) {

    public org.metriclifecycle.events.SupportCriteria support() {
        return new org.metriclifecycle.events.SupportCriteria(direction, minCorrelation, minSampleSize);
    }

    /**
     * Judges a coefficient {@code r} measured over {@code n} samples. Too small a sample speaks neither way; otherwise
     * the sign must point the hypothesised way and the strength must reach the threshold (inclusive).
     */
    public Verdict judge(double r, int n) {
        if (n < minSampleSize) {
            return Verdict.INCONCLUSIVE;
        }
        boolean signMatches = direction == Direction.POSITIVE ? r > 0 : r < 0;
        return signMatches && Math.abs(r) >= minCorrelation ? Verdict.SUPPORTED : Verdict.REFUTED;
    }
}
