package org.metriclifecycle.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much work each figure does. {@link #full()} is what RESULTS.md reports; {@link #quick()} exercises every
 * step in a few minutes, for working on the harness itself (its numbers mean little).
 *
 * @param listedMetrics      metrics stored for figure 4, with {@code listedEventsPerMetric} events each; their
 *                           complete replays are figure 2's "to caught up" measurement
 * @param moreMetrics        metrics added afterwards, with {@code eventsPerMetric} events each, for the large store
 * @param replayWindow       how long each replay over the large store is watched
 */
record Sizes(String name,
             int repetitions,
             List<Integer> clientCounts,
             Duration warmUp,
             Duration throughputRun,
             int listedMetrics,
             int listedEventsPerMetric,
             int moreMetrics,
             int eventsPerMetric,
             Duration replayWindow,
             Duration listRun,
             int longStreamEvents,
             int latencyCommands) {

    static Sizes full() {
        return new Sizes("full", 3, List.of(1, 4, 16), Duration.ofSeconds(6), Duration.ofSeconds(10),
                10_000, 3, 97_000, 10, Duration.ofSeconds(45), Duration.ofSeconds(5), 10_000, 100);
    }

    static Sizes quick() {
        return new Sizes("quick", 3, List.of(1, 4, 16), Duration.ofSeconds(2), Duration.ofSeconds(3),
                1_000, 3, 1_700, 10, Duration.ofSeconds(10), Duration.ofSeconds(2), 1_000, 20);
    }

    long listedEvents() {
        return (long) listedMetrics * listedEventsPerMetric;
    }

    /** Every event of the large store: the listed metrics' and the others'. */
    long storeEvents() {
        return listedEvents() + (long) moreMetrics * eventsPerMetric;
    }
}
