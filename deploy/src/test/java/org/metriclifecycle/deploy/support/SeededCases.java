package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.Random;

/**
 * The project's small property-test runner (as {@code RandomCases} in events' tests), for HTTP properties: cases are
 * drawn from a seeded generator, a failure names its seed and case so that it replays with
 * {@code -Dhostile.seed=<seed>}, and there is no shrinking. Not jqwik: see docs/security.md.
 */
public final class SeededCases {

    private static final long DEFAULT_SEED = 20261203L;

    private final long seed;
    private final Random random;

    private SeededCases(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public static SeededCases forProperty(String property) {
        return new SeededCases(Long.getLong("hostile.seed", DEFAULT_SEED) ^ property.hashCode());
    }

    public long seed() {
        return seed;
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }
}
