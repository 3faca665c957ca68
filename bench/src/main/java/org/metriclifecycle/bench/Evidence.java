package org.metriclifecycle.bench;

import org.metriclifecycle.events.Verdict;

/**
 * What every synthetic metric is judged against, and the correlations it gets: in turn inconclusive, refuting and
 * supporting, so the projections see every verdict and status change a real pipeline causes.
 */
record Evidence(double coefficient, int sampleSize, Verdict verdict) {

    static final String DIRECTION = "POSITIVE";
    static final double MIN_CORRELATION = 0.5;
    static final int MIN_SAMPLE_SIZE = 100;

    static Evidence nth(long k) {
        return switch ((int) (k % 3)) {
            case 0 -> new Evidence(0.2, 50, Verdict.INCONCLUSIVE);
            case 1 -> new Evidence(0.3, 500, Verdict.REFUTED);
            default -> new Evidence(0.7, 500, Verdict.SUPPORTED);
        };
    }
}
