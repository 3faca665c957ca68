package org.metriclifecycle.events.evidence;

import java.util.Random;
import java.util.function.Consumer;

import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;

/**
 * A small property-test runner: each property is checked on many inputs drawn from a seeded generator, biased
 * towards the edges (|r| near 1, tiny samples, values exactly at the bar). A failure names its seed and trial, so it
 * replays: run with {@code -Devidence.seed=<seed>}. There is no shrinking; the failing input is printed as drawn.
 */
final class RandomCases {

    static final int TRIALS = 5_000;
    private static final long DEFAULT_SEED = 20261202L;

    private RandomCases() {
    }

    static void forAll(String property, Consumer<Draw> check) {
        long seed = Long.getLong("evidence.seed", DEFAULT_SEED) ^ property.hashCode();
        Random random = new Random(seed);
        for (int trial = 0; trial < TRIALS; trial++) {
            Draw draw = new Draw(random);
            try {
                check.accept(draw);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(property + " failed at trial " + trial + " (seed " + seed + ") on "
                        + draw.log, e);
            }
        }
    }

    /** One trial's inputs; every value drawn is logged for the failure message. */
    static final class Draw {
        private final Random random;
        private final StringBuilder log = new StringBuilder();

        Draw(Random random) {
            this.random = random;
        }

        /** Logs a value the property derived itself, so a failure shows it too. */
        <T> T logged(String name, T value) {
            log.append(name).append('=').append(value).append(' ');
            return value;
        }

        double coefficient(String name) {
            double u = random.nextDouble();
            double r;
            if (u < 0.05) {
                r = random.nextBoolean() ? 1.0 : -1.0;
            } else if (u < 0.15) {
                r = (random.nextBoolean() ? 1 : -1) * (1 - Math.pow(10, -2 - 6 * random.nextDouble()));
            } else if (u < 0.2) {
                r = 0.0;
            } else {
                r = 2 * random.nextDouble() - 1;
            }
            return logged(name, r);
        }

        int sampleSize(String name) {
            double u = random.nextDouble();
            int n = u < 0.3 ? 1 + random.nextInt(10) : u < 0.8 ? 1 + random.nextInt(1000)
                    : 1 + random.nextInt(1_000_000);
            return logged(name, n);
        }

        double confidence(String name) {
            double u = random.nextDouble();
            double c = u < 0.2 ? 0.95 : u < 0.3 ? 0.9 : u < 0.4 ? 0.99 : 0.5000001 + 0.4999998 * random.nextDouble();
            return logged(name, c);
        }

        /** A bar in [0, 1], sometimes exactly 0 or 1. */
        double bar(String name) {
            double u = random.nextDouble();
            return logged(name, u < 0.03 ? 0.0 : u < 0.06 ? 1.0 : random.nextDouble());
        }

        double uniform(String name, double from, double to) {
            return logged(name, from + (to - from) * random.nextDouble());
        }

        double probability(String name) {
            double u = random.nextDouble();
            double p = u < 0.05 ? 0.0 : u < 0.1 ? 1.0 : u < 0.3 ? Math.pow(10, -12 * random.nextDouble())
                    : random.nextDouble();
            return logged(name, p);
        }

        int between(String name, int from, int to) {
            return logged(name, from + random.nextInt(to - from + 1));
        }

        CorrelationMethod method(String name) {
            CorrelationMethod[] all = CorrelationMethod.values();
            return logged(name, all[random.nextInt(all.length)]);
        }

        Direction direction(String name) {
            return logged(name, random.nextBoolean() ? Direction.POSITIVE : Direction.NEGATIVE);
        }

        Random random() {
            return random;
        }
    }
}
