package org.metriclifecycle.events.evidence;

import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;

/**
 * How a hypothesis judges a correlation: {@link #INTERVAL} (the rule for hypotheses linked from now on; its status
 * then comes from the {@link Pool} of its counted correlations) or {@link #POINT} (the first rule, kept for
 * hypotheses stored before the interval rule; the latest conclusive correlation decides its status).
 */
public enum DecisionRule {
    INTERVAL {
        @Override
        public Verdict verdict(CorrelationMethod method, double r, int sampleSize, SupportCriteria criteria,
                               double confidence) {
            return IntervalRule.verdict(method, r, sampleSize, criteria, confidence);
        }
    },
    POINT {
        @Override
        public Verdict verdict(CorrelationMethod method, double r, int sampleSize, SupportCriteria criteria,
                               double confidence) {
            return PointRule.verdict(r, sampleSize, criteria);
        }
    };

    /** The confidence a hypothesis has when it states none. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /**
     * The verdict on one correlation when it is recorded. POINT reads neither the method nor the confidence (it
     * compares the raw coefficient with the bar, as it always did).
     */
    public abstract Verdict verdict(CorrelationMethod method, double r, int sampleSize, SupportCriteria criteria,
                                    double confidence);
}
