package org.metriclifecycle.events.evidence;

/**
 * The standard normal distribution: its distribution function Phi, the upper tail 1 - Phi without cancellation,
 * and the quantile (inverse of Phi).
 *
 * <p>Phi is computed from two expansions, each used where it converges fast and loses nothing to cancellation:
 * for |x| &lt; 2 the Taylor series Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...), whose terms are all of one
 * sign; beyond, Laplace's continued fraction for the tail, 1 - Phi(t) = phi(t) / (t + 1/(t + 2/(t + 3/(t + ...)))),
 * evaluated from its 200th term back. Against Python's erfc the relative error stays below 1e-14 for |x| &lt; 8
 * and near 1e-13 out to |x| = 37, where the rounding of x itself dominates; the tails keep their relative
 * precision, which is what p-values need.
 *
 * <p>The quantile starts from Acklam's rational approximation (relative error below 1.15e-9) and takes one
 * Halley step against Phi, which brings it to about 1e-14 relative (the tests hold it to 1e-12 against Wichura's
 * AS241).
 */
public final class StandardNormal {

    private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Where the series hands over to the continued fraction. */
    private static final double SERIES_LIMIT = 2.0;
    private static final int CONTINUED_FRACTION_TERMS = 200;

    // Acklam's coefficients: central region (a, b) and tails (c, d), split at P_LOW.
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    private StandardNormal() {
    }

    /** The density phi(x) = exp(-x^2/2) / sqrt(2 pi). */
    public static double density(double x) {
        if (Double.isInfinite(x)) {
            return 0;
        }
        // x = h + l with h a multiple of 1/16: h^2/2 is exact, so only the small l (2h + l) / 2 is rounded.
        double h = Math.floor(Math.abs(x) * 16) / 16;
        double l = Math.abs(x) - h;
        return Math.exp(-h * h / 2) * Math.exp(-l * (2 * h + l) / 2) / SQRT_TWO_PI;
    }

    /** Phi(x) = P(Z &lt;= x); NaN for NaN. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= -SERIES_LIMIT) {
            return tail(-x);
        }
        if (x >= SERIES_LIMIT) {
            return 1 - tail(x);
        }
        return 0.5 + density(x) * series(x);
    }

    /** 1 - Phi(x) = P(Z &gt; x), accurate also where it is tiny (a p-value). */
    public static double upperTail(double x) {
        return Double.isNaN(x) ? Double.NaN : cdf(-x);
    }

    /**
     * The quantile: the x with Phi(x) = p. -Infinity for p = 0, +Infinity for p = 1.
     *
     * @throws IllegalArgumentException unless 0 &lt;= p &lt;= 1
     */
    public static double quantile(double p) {
        Arguments.require(p >= 0 && p <= 1, "p must be between 0 and 1, was " + p);
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        // 1 - p is exact for p >= 1/2, so the upper half mirrors the lower one without losing digits.
        return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p);
    }

    /**
     * The two-sided critical value for a confidence level: the quantile of (1 + c) / 2 (1.959963984540054 for 0.95).
     *
     * @throws IllegalArgumentException unless 0.5 &lt; c &lt; 1
     */
    public static double twoSidedCritical(double confidence) {
        return quantile((1 + Arguments.confidence(confidence)) / 2);
    }

    /** The quantile for 0 &lt; p &lt;= 1/2 (so x &lt;= 0). */
    private static double lowerQuantile(double p) {
        double x = acklam(p);
        // One Halley step on f(x) = Phi(x) - p: x - u / (1 + x u / 2) with u = f(x) / phi(x).
        double u;
        if (x <= -SERIES_LIMIT) {
            // In the tail, Phi(x)/phi(x) is the continued fraction's reciprocal and p/phi(x) is taken in logs,
            // so nothing underflows even for p near Double.MIN_VALUE.
            u = 1 / continuedFraction(-x) - Math.exp(Math.log(p) + halfSquare(x) + HALF_LOG_TWO_PI);
        } else {
            u = (cdf(x) - p) * SQRT_TWO_PI * Math.exp(halfSquare(x));
        }
        return x - u / (1 + x * u / 2);
    }

    private static double acklam(double p) {
        if (p < P_LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    /** x + x^3/3 + x^5/(3*5) + ...: (Phi(x) - 1/2) / phi(x). */
    private static double series(double x) {
        double square = x * x;
        double term = x;
        double sum = x;
        for (int k = 1; Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
            term *= square / (2 * k + 1);
            sum += term;
        }
        return sum;
    }

    /** 1 - Phi(t) for t &gt;= 2. */
    private static double tail(double t) {
        if (t == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return density(t) / continuedFraction(t);
    }

    /** t + 1/(t + 2/(t + 3/(t + ...))) = phi(t) / (1 - Phi(t)), for t &gt;= 2. */
    private static double continuedFraction(double t) {
        double value = t;
        for (int k = CONTINUED_FRACTION_TERMS; k >= 1; k--) {
            value = t + k / value;
        }
        return value;
    }

    private static double halfSquare(double x) {
        return x * x / 2;
    }
}
