package org.metriclifecycle.events.evidence;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.SupportCriteria;

/**
 * The one-sided p-value of a pool against its hypothesis's bar: the chance of a pooled z at least this far above
 * atanh(minCorrelation) if the true correlation were exactly at the bar,
 * p = 1 - Phi((z-bar - atanh(min)) / SE), with z-bar oriented by the direction (negated for NEGATIVE) so that
 * "above the bar" means "stronger in the hypothesised direction". A bar of 1 cannot be cleared: p = 1.
 */
public final class OneSidedPValue {

    private OneSidedPValue() {
    }

    public static double of(Pool pool, SupportCriteria criteria) {
        Arguments.notNull(pool, "pool");
        Arguments.criteria(criteria);
        return of(pool.zBar(), pool.standardError(), criteria.direction(), criteria.minCorrelation());
    }

    public static double of(double zBar, double standardError, Direction direction, double minCorrelation) {
        Arguments.require(!Double.isNaN(zBar) && !Double.isInfinite(zBar), "zBar must be finite, was " + zBar);
        Arguments.require(standardError > 0 && standardError < Double.POSITIVE_INFINITY,
                "standardError must be finite and positive, was " + standardError);
        Arguments.notNull(direction, "direction");
        Arguments.minCorrelation(minCorrelation);
        if (minCorrelation == 1) {
            return 1;
        }
        double oriented = direction == Direction.NEGATIVE ? -zBar : zBar;
        return StandardNormal.upperTail((oriented - PearsonScale.atanh(minCorrelation)) / standardError);
    }
}
