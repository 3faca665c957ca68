package org.metriclifecycle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Samples.of(3, 1, 2).median());
        assertEquals(2.5, Samples.of(4, 1, 2, 3).median());
    }

    @Test
    void ratiosPairTheRepetitions() {
        Samples ratio = Samples.of(10, 20, 30).dividedBy(Samples.of(100, 100, 60));

        assertEquals(0.1, ratio.min(), 1e-9);
        assertEquals(0.5, ratio.max(), 1e-9);
        assertEquals(0.2, ratio.median(), 1e-9);
    }
}
