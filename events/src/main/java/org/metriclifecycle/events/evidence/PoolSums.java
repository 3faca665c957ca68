package org.metriclifecycle.events.evidence;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The sums a fixed-effect pool is made of (sum w, sum w z, sum w z^2, sum n, k), kept exactly: every double is
 * added as the exact value it stands for, so the sums do not depend on the order in which estimates come and go, and
 * taking one away leaves exactly what was there before it came. Only the pool drawn from them rounds. This lets a
 * hypothesis keep its sums as correlations arrive instead of adding up all of them again for each new one, with
 * every digit of the result the same as a pool of the same estimates made at once.
 */
public final class PoolSums {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private BigDecimal w = BigDecimal.ZERO;
    private BigDecimal wz = BigDecimal.ZERO;
    private BigDecimal wzz = BigDecimal.ZERO;
    private long sampleSize;
    private int count;

    public PoolSums() {
    }

    public PoolSums add(FisherEstimate estimate) {
        return change(estimate, 1);
    }

    /** Takes away an estimate that was added. */
    public PoolSums remove(FisherEstimate estimate) {
        Arguments.require(count > 0, "nothing to remove");
        return change(estimate, -1);
    }

    public PoolSums addAll(PoolSums other) {
        w = w.add(other.w);
        wz = wz.add(other.wz);
        wzz = wzz.add(other.wzz);
        sampleSize = Math.addExact(sampleSize, other.sampleSize);
        count += other.count;
        return this;
    }

    private PoolSums change(FisherEstimate estimate, int sign) {
        Arguments.notNull(estimate, "estimate");
        BigDecimal weight = new BigDecimal(estimate.weight());
        BigDecimal z = new BigDecimal(estimate.z());
        BigDecimal weighted = weight.multiply(z);
        BigDecimal squared = weighted.multiply(z);
        if (sign > 0) {
            w = w.add(weight);
            wz = wz.add(weighted);
            wzz = wzz.add(squared);
        } else {
            w = w.subtract(weight);
            wz = wz.subtract(weighted);
            wzz = wzz.subtract(squared);
        }
        sampleSize = Math.addExact(sampleSize, sign * estimate.sampleSize());
        count += sign;
        return this;
    }

    public int count() {
        return count;
    }

    /**
     * The pool at a confidence level; empty when nothing is summed. z-bar = sum(w z) / sum(w), SE = 1/sqrt(sum w),
     * Cochran's Q = sum w (z - z-bar)^2 = (sum(w z^2) sum(w) - sum(w z)^2) / sum(w), whose numerator is exact (so
     * estimates that agree give Q = 0 exactly).
     */
    public Optional<Pool> pool(double confidence) {
        Arguments.confidence(confidence);
        if (count == 0) {
            return Optional.empty();
        }
        double zBar = wz.divide(w, PRECISION).doubleValue();
        double se = 1 / Math.sqrt(w.doubleValue());
        double cochranQ = Math.max(0, wzz.multiply(w).subtract(wz.multiply(wz)).divide(w, PRECISION).doubleValue());
        int k = count;
        double iSquared = k == 1 || cochranQ == 0 ? 0 : Math.max(0, (cochranQ - (k - 1)) / cochranQ);
        return Optional.of(new Pool(k, sampleSize, zBar, se, Math.tanh(zBar),
                Interval.onFisherScale(zBar, se, confidence), cochranQ, iSquared));
    }
}
