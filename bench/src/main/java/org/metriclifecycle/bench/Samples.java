package org.metriclifecycle.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One figure's values over the repetitions: reported as the median with min and max beside it. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    static Samples of(double... values) {
        Samples samples = new Samples();
        for (double value : values) {
            samples.add(value);
        }
        return samples;
    }

    void add(double value) {
        values.add(value);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    int count() {
        return values.size();
    }

    List<Double> values() {
        return List.copyOf(values);
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.isEmpty() ? Double.NaN : Collections.min(values);
    }

    double max() {
        return values.isEmpty() ? Double.NaN : Collections.max(values);
    }

    /** Element-wise quotient: the ratio of two figures measured in the same repetitions. */
    Samples dividedBy(Samples other) {
        Samples ratio = new Samples();
        for (int i = 0; i < Math.min(values.size(), other.values.size()); i++) {
            ratio.add(values.get(i) / other.values.get(i));
        }
        return ratio;
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
