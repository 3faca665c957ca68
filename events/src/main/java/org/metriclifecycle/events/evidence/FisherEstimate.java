package org.metriclifecycle.events.evidence;

import java.util.Optional;

import org.metriclifecycle.events.CorrelationMethod;

/**
 * One correlation (or a pool of them) on Fisher's z scale: its z, the variance of z, and the sample size behind it.
 * This is what pooling weighs and what an interval is drawn from.
 */
public record FisherEstimate(double z, double variance, long sampleSize) {

    public FisherEstimate {
        Arguments.require(z > Double.NEGATIVE_INFINITY && z < Double.POSITIVE_INFINITY, "z must be finite, was " + z);
        Arguments.require(variance > 0 && variance < Double.POSITIVE_INFINITY,
                "variance must be finite and positive, was " + variance);
        Arguments.sampleSize(sampleSize);
    }

    /**
     * The estimate of a coefficient {@code r} of {@code method} over {@code sampleSize} samples; empty when the
     * sample is too small to have an interval (n &lt;= 3, or n &lt;= 4 for KENDALL).
     */
    public static Optional<FisherEstimate> of(CorrelationMethod method, double r, long sampleSize) {
        Arguments.notNull(method, "method");
        Arguments.coefficient(r);
        Arguments.sampleSize(sampleSize);
        if (!PearsonScale.hasInterval(method, sampleSize)) {
            return Optional.empty();
        }
        double z = PearsonScale.fisherZ(PearsonScale.pearsonEquivalent(method, r));
        return Optional.of(new FisherEstimate(z, PearsonScale.varianceOfZ(method, r, sampleSize), sampleSize));
    }

    public double standardError() {
        return Math.sqrt(variance);
    }

    /** The inverse-variance weight 1/Var(z). */
    public double weight() {
        return 1 / variance;
    }

    /** The point estimate back on the Pearson scale, tanh(z). */
    public double estimate() {
        return Math.tanh(z);
    }

    /** The interval tanh(z -+ q sqrt(Var)) at the given confidence (0.5 &lt; c &lt; 1). */
    public Interval interval(double confidence) {
        return Interval.onFisherScale(z, standardError(), confidence);
    }
}
