package org.metriclifecycle.events.evidence;

import org.metriclifecycle.events.Direction;

/**
 * A confidence interval for a correlation on the Pearson scale, {@code low <= high}, at level {@code confidence}.
 * {@link #oriented} turns it so that the hypothesised direction is positive, which is the scale the bar
 * (minCorrelation) is read on.
 */
public record Interval(double low, double high, double confidence) {

    public Interval {
        Arguments.require(low >= -1 && high <= 1 && low <= high, "an interval needs -1 <= low <= high <= 1, was ["
                + low + ", " + high + "]");
        Arguments.confidence(confidence);
    }

    /** tanh(z -+ q se), q the two-sided critical value of {@code confidence}. */
    public static Interval onFisherScale(double z, double standardError, double confidence) {
        Arguments.require(!Double.isNaN(z), "z must be a number");
        Arguments.require(standardError >= 0 && standardError < Double.POSITIVE_INFINITY,
                "standardError must be finite and not negative, was " + standardError);
        double half = StandardNormal.twoSidedCritical(confidence) * standardError;
        return new Interval(Math.tanh(z - half), Math.tanh(z + half), confidence);
    }

    /** The interval as the hypothesis sees it: unchanged for POSITIVE, [-high, -low] for NEGATIVE. */
    public Interval oriented(Direction direction) {
        Arguments.notNull(direction, "direction");
        return direction == Direction.NEGATIVE ? new Interval(-high, -low, confidence) : this;
    }

    /** Whether the bar lies inside: low &lt; bar &lt;= high, so the data cannot tell either way. */
    public boolean straddles(double bar) {
        return low < bar && bar <= high;
    }
}
