package org.metriclifecycle.events.evidence;

import java.util.Collection;
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

    public Pool {
        Arguments.require(correlations >= 1, "a pool has at least one correlation");
        Arguments.notNull(interval, "interval");
    }

    /**
     * Pools the estimates at a confidence level; empty when there is nothing to pool. The result does not depend on
     * the order of {@code estimates} (the sums are exact; see {@link PoolSums}).
     */
    public static Optional<Pool> of(Collection<FisherEstimate> estimates, double confidence) {
        Arguments.notNull(estimates, "estimates");
        Arguments.confidence(confidence);
        PoolSums sums = new PoolSums();
        for (FisherEstimate e : estimates) {
            sums.add(e);
        }
        return sums.pool(confidence);
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
}
