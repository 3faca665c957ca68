package org.metriclifecycle.events.evidence;

import org.metriclifecycle.events.CorrelationMethod;

/**
 * Puts every coefficient on one scale, its Pearson equivalent rho, and on Fisher's z = atanh(rho), where its
 * sampling distribution is close to normal with a variance that depends on the sample size and the method only.
 *
 * <ul>
 *   <li>PEARSON: rho = r, Var(z) = 1/(n-3);</li>
 *   <li>SPEARMAN: rho = 2 sin(pi r/6), Var(z) = 1.06/(n-3) g^2, g = (pi/3) cos(pi r/6) (1-r^2)/(1-rho^2);</li>
 *   <li>KENDALL: rho = sin(pi r/2), Var(z) = 0.437/(n-4) g^2, g = (pi/2) cos(pi r/2) (1-r^2)/(1-rho^2).</li>
 * </ul>
 *
 * The factors 1.06 and 0.437 are Fieller, Hartley and Pearson's variances of the rank coefficients' own z
 * transforms; g, the derivative of atanh(rho(r)) over that of atanh(r), carries them to the Pearson scale (delta
 * method). rho is clamped to +-{@value #CLAMP} before atanh, and r to the same inside g, so a coefficient of +-1
 * has a finite z and a finite variance. No variance, hence no interval, exists for n &lt;= 3 (n &lt;= 4 for KENDALL).
 */
public final class PearsonScale {

    /** |rho| (and |r| inside g) is clamped to this before the transform. */
    public static final double CLAMP = 0.999999;

    private PearsonScale() {
    }

    /** The coefficient's Pearson equivalent rho (unclamped). */
    public static double pearsonEquivalent(CorrelationMethod method, double r) {
        Arguments.notNull(method, "method");
        Arguments.coefficient(r);
        return switch (method) {
            case PEARSON -> r;
            case SPEARMAN -> 2 * Math.sin(Math.PI * r / 6);
            case KENDALL -> Math.sin(Math.PI * r / 2);
        };
    }

    /** Fisher's z of a Pearson-scale correlation: atanh(rho) with rho clamped to +-{@value #CLAMP}. */
    public static double fisherZ(double rho) {
        Arguments.require(rho >= -1 && rho <= 1, "rho must be between -1 and 1, was " + rho);
        return atanh(clamp(rho));
    }

    /**
     * atanh(x) = log((1 + x) / (1 - x)) / 2, taken as log1p(2|x| / (1 - |x|)) / 2 with the sign of x, which keeps its
     * digits near 0 and near +-1 alike; +-Infinity at +-1.
     */
    public static double atanh(double x) {
        Arguments.require(x >= -1 && x <= 1, "atanh needs -1 <= x <= 1, was " + x);
        double a = Math.abs(x);
        return Math.copySign(0.5 * Math.log1p(2 * a / (1 - a)), x);
    }

    /** The smallest sample size with a variance of z (hence an interval): 4, or 5 for KENDALL. */
    public static int smallestSampleWithInterval(CorrelationMethod method) {
        Arguments.notNull(method, "method");
        return method == CorrelationMethod.KENDALL ? 5 : 4;
    }

    public static boolean hasInterval(CorrelationMethod method, long sampleSize) {
        return sampleSize >= smallestSampleWithInterval(method);
    }

    /**
     * Var(z) for a coefficient r of the given method over n samples.
     *
     * @throws IllegalArgumentException when n is too small to have one (see {@link #hasInterval})
     */
    public static double varianceOfZ(CorrelationMethod method, double r, long sampleSize) {
        Arguments.coefficient(r);
        Arguments.require(hasInterval(method, sampleSize),
                "no interval exists for " + method + " over " + sampleSize + " samples (at least "
                        + smallestSampleWithInterval(method) + " are needed)");
        double rc = clamp(r);
        return switch (method) {
            case PEARSON -> 1.0 / (sampleSize - 3);
            case SPEARMAN -> 1.06 / (sampleSize - 3) * square(spearmanG(rc));
            case KENDALL -> 0.437 / (sampleSize - 4) * square(kendallG(rc));
        };
    }

    /**
     * (pi/3) cos(pi r/6) (1-r^2) / (1-rho^2) with rho = 2 sin(pi r/6). Near |r| = 1 both differences cancel, so
     * they are written without subtraction of close numbers: 1 - r^2 = (1-r)(1+r) and
     * 1 - rho^2 = (1 - 2 sin a)(1 + 2 sin a), where 1 - 2 sin a = 2 (sin(pi/6) - sin a)
     * = 4 cos((pi/6 + a)/2) sin((pi/6 - a)/2) with a = pi r/6.
     */
    private static double spearmanG(double r) {
        double a = Math.PI * r / 6;
        double oneMinusTwoSin = 4 * Math.cos(Math.PI * (1 + r) / 12) * Math.sin(Math.PI * (1 - r) / 12);
        double onePlusTwoSin = 4 * Math.cos(Math.PI * (1 - r) / 12) * Math.sin(Math.PI * (1 + r) / 12);
        return (Math.PI / 3) * Math.cos(a) * ((1 - r) * (1 + r)) / (oneMinusTwoSin * onePlusTwoSin);
    }

    /** (pi/2) cos(pi r/2) (1-r^2) / (1-rho^2) with rho = sin(pi r/2); 1 - sin^2 = cos^2 leaves (pi/2)(1-r^2)/cos(pi r/2). */
    private static double kendallG(double r) {
        // cos(pi r / 2) = sin(pi (1 - |r|) / 2), which keeps its digits as |r| approaches 1.
        return (Math.PI / 2) * ((1 - r) * (1 + r)) / Math.sin(Math.PI * (1 - Math.abs(r)) / 2);
    }

    private static double clamp(double x) {
        return Math.max(-CLAMP, Math.min(CLAMP, x));
    }

    private static double square(double x) {
        return x * x;
    }
}
