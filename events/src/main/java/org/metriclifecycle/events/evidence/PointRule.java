package org.metriclifecycle.events.evidence;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;

/**
 * The POINT decision rule, the service's first one, kept for hypotheses stored before the interval rule so that no
 * stored verdict changes: INCONCLUSIVE when {@code sampleSize < minSampleSize}; otherwise SUPPORTED when the sign of
 * r points the hypothesised way (r = 0 points neither) and {@code |r| >= minCorrelation}, else REFUTED.
 */
public final class PointRule {

    private PointRule() {
    }

    public static Verdict verdict(double r, long sampleSize, SupportCriteria criteria) {
        Arguments.coefficient(r);
        Arguments.sampleSize(sampleSize);
        Arguments.notNull(criteria, "criteria");
        Arguments.notNull(criteria.direction(), "criteria.direction");
        if (sampleSize < criteria.minSampleSize()) {
            return Verdict.INCONCLUSIVE;
        }
        boolean signMatches = criteria.direction() == Direction.POSITIVE ? r > 0 : r < 0;
        return signMatches && Math.abs(r) >= criteria.minCorrelation() ? Verdict.SUPPORTED : Verdict.REFUTED;
    }
}
