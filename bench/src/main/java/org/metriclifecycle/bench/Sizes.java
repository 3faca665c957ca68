package org.metriclifecycle.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much work each figure does. {@link #full()} is what RESULTS.md reports; {@link #quick()} exercises every
 * step in a few minutes, for working on the harness itself (its numbers mean little).
 */
record Sizes(String name,
             int repetitions,
             List<Integer> clientCounts,
             Duration warmUp,
             Duration throughputRun,
             int rebuildMetrics,
             int eventsPerMetric,
             int listedMetrics,
             Duration listRun,
             int longStreamEvents,
             int latencyCommands) {

    static Sizes full() {
        return new Sizes("full", 3, List.of(1, 4, 16), Duration.ofSeconds(8), Duration.ofSeconds(12),
                100_000, 10, 10_000, Duration.ofSeconds(6), 10_000, 100);
    }

    static Sizes quick() {
        return new Sizes("quick", 3, List.of(1, 4, 16), Duration.ofSeconds(2), Duration.ofSeconds(3),
                2_000, 10, 1_000, Duration.ofSeconds(2), 1_000, 20);
    }

    long rebuildEvents() {
        return (long) rebuildMetrics * eventsPerMetric;
    }
}
