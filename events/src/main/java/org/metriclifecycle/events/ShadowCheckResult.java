package org.metriclifecycle.events;

/** How a concluded shadow check came out. */
public enum ShadowCheckResult {
    /** The outcome moved the way the hypothesis predicts for the eval's delta. */
    CONFIRMED,
    /** It did not (or did not move at all): a false positive of the eval. */
    DIVERGED;

    /**
     * CONFIRMED when the sign of evalDelta x outcomeDelta matches the hypothesis's direction (positive for
     * POSITIVE, negative for NEGATIVE); a product of 0 is no move, so DIVERGED.
     */
    public static ShadowCheckResult of(Direction direction, double evalDelta, double outcomeDelta) {
        double product = Math.signum(evalDelta) * Math.signum(outcomeDelta);
        boolean predicted = direction == Direction.POSITIVE ? product > 0 : product < 0;
        return predicted ? CONFIRMED : DIVERGED;
    }
}
