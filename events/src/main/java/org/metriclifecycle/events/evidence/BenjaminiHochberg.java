package org.metriclifecycle.events.evidence;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg q-values (adjusted p-values) for m tests: with p sorted ascending, q_(i) = min over j &gt;= i
 * of min(1, m p_(j) / j). A hypothesis with q &lt;= alpha is a discovery at false discovery rate alpha.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** The q-value of each p-value, in the order given; ties get equal q-values. */
    public static List<Double> qValues(List<Double> pValues) {
        Arguments.notNull(pValues, "pValues");
        int m = pValues.size();
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            Double value = Arguments.notNull(pValues.get(i), "p-value");
            Arguments.require(value >= 0 && value <= 1, "a p-value must be between 0 and 1, was " + value);
            p[i] = value;
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            // m / rank >= 1 first, so that rounding never puts q below p (rank m gives p itself).
            running = Math.min(running, p[i] * ((double) m / rank));
            q[i] = running;
        }
        return Arrays.stream(q).boxed().toList();
    }
}
