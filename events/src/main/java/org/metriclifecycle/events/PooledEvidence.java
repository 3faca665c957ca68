package org.metriclifecycle.events;

import org.metriclifecycle.events.evidence.Pool;

/**
 * The fixed-effect pool of a hypothesis's counted correlations as it stood when a correlation was recorded: the
 * pooled {@code estimate} with its interval ({@code low}, {@code high}), the summed {@code sampleSize}, how many
 * {@code correlations} were counted, Cochran's {@code q} and {@code iSquared}, and the pooled z with its standard
 * error (for the review's p-values).
 */
public record PooledEvidence(double estimate, double low, double high, long sampleSize, int correlations, double q,
                             double iSquared, double zBar, double standardError) {

    public static PooledEvidence of(Pool pool) {
        return new PooledEvidence(pool.estimate(), pool.interval().low(), pool.interval().high(), pool.sampleSize(),
                pool.correlations(), pool.q(), pool.iSquared(), pool.zBar(), pool.standardError());
    }
}
