package org.metriclifecycle.events.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;

/**
 * The fixed-effect pool of a hypothesis's counted correlations, by inverse-variance weights on Fisher's z:
 * w = 1/Var(z), z-bar = sum(w z) / sum(w), SE = 1/sqrt(sum w); the interval tanh(z-bar -+ q SE).
 *
 * @param correlations how many correlations were pooled (k)
 * @param sampleSize   the sum of their sample sizes, which the verdict compares with minSampleSize
 * @param zBar         the pooled z
 * @param standardError SE of z-bar
 * @param estimate     tanh(z-bar), the pooled correlation on the Pearson scale
 * @param interval     the pooled interval at the hypothesis's confidence
 * @param q            Cochran's Q = sum w (z - z-bar)^2, about k - 1 when the correlations agree up to chance
 * @param iSquared     I^2 = max(0, (Q - (k-1)) / Q) (0 when Q = 0 or k = 1): the share of the spread between
 *                     correlations that chance does not explain
 */
public record Pool(int correlations, long sampleSize, double zBar, double standardError, double estimate,
                   Interval interval, double q, double iSquared) {

    /** A canonical order, so the sums (hence every digit of the result) do not depend on the order of the input. */
    private static final Comparator<FisherEstimate> CANONICAL = Comparator.comparingDouble(FisherEstimate::z)
            .thenComparingDouble(FisherEstimate::variance)
            .thenComparingLong(FisherEstimate::sampleSize);

    public Pool {
        Arguments.require(correlations >= 1, "a pool has at least one correlation");
        Arguments.notNull(interval, "interval");
    }

    /**
     * Pools the estimates at a confidence level; empty when there is nothing to pool. The result does not depend on
     * the order of {@code estimates}.
     */
    public static Optional<Pool> of(Collection<FisherEstimate> estimates, double confidence) {
        Arguments.notNull(estimates, "estimates");
        Arguments.confidence(confidence);
        if (estimates.isEmpty()) {
            return Optional.empty();
        }
        List<FisherEstimate> sorted = new ArrayList<>(estimates);
        sorted.forEach(e -> Arguments.notNull(e, "estimate"));
        sorted.sort(CANONICAL);
        Sum sumW = new Sum();
        Sum sumWz = new Sum();
        long n = 0;
        for (FisherEstimate e : sorted) {
            sumW.add(e.weight());
            sumWz.add(e.weight() * e.z());
            n = Math.addExact(n, e.sampleSize());
        }
        double zBar = sumWz.value() / sumW.value();
        double se = 1 / Math.sqrt(sumW.value());
        Sum q = new Sum();
        for (FisherEstimate e : sorted) {
            double d = e.z() - zBar;
            q.add(e.weight() * d * d);
        }
        int k = sorted.size();
        double cochranQ = q.value();
        double iSquared = k == 1 || cochranQ == 0 ? 0 : Math.max(0, (cochranQ - (k - 1)) / cochranQ);
        return Optional.of(new Pool(k, n, zBar, se, Math.tanh(zBar), Interval.onFisherScale(zBar, se, confidence),
                cochranQ, iSquared));
    }

    /** The pooled verdict: the interval rule applied to the pooled interval with n = the summed sample sizes. */
    public Verdict verdict(SupportCriteria criteria) {
        return IntervalRule.verdict(Optional.of(interval), sampleSize, criteria);
    }

    /** SUPPORTED or REFUTED as the pooled verdict says, OPEN when it is inconclusive. */
    public HypothesisStatus status(SupportCriteria criteria) {
        Verdict verdict = verdict(criteria);
        return verdict.isConclusive() ? HypothesisStatus.of(verdict) : HypothesisStatus.OPEN;
    }

    /** An INTERVAL hypothesis's status: OPEN when nothing is counted, else the pool's {@link #status}. */
    public static HypothesisStatus status(Optional<Pool> pool, SupportCriteria criteria) {
        Arguments.notNull(pool, "pool");
        Arguments.criteria(criteria);
        return pool.map(p -> p.status(criteria)).orElse(HypothesisStatus.OPEN);
    }

    /** The pool as one estimate (z-bar, SE^2, summed n), for instance to pool pools. */
    public FisherEstimate asEstimate() {
        return new FisherEstimate(zBar, standardError * standardError, sampleSize);
    }

    /** Neumaier's compensated sum: keeps the low-order digits that plain addition drops. */
    private static final class Sum {
        private double sum;
        private double compensation;

        void add(double x) {
            double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        double value() {
            return sum + compensation;
        }
    }
}
