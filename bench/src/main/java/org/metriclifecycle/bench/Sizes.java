package org.metriclifecycle.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much work each figure does. {@link #full()} is what RESULTS.md reports; {@link #quick()} exercises every
 * step in a few minutes, for working on the harness itself (its numbers mean little).
 *
 * @param idleSettle         how long an instance is left alone after its first answer before idle is measured
 * @param idleWindow         each window over which an idle instance's commits are counted
 * @param statementCommands  commands counted by pg_stat_statements (figure 1's statements per command)
 * @param listedMetrics      metrics stored for the listing figure, with {@code listedEventsPerMetric} events each;
 *                           their complete rebuilds are the small store's rebuild figures
 * @param moreMetrics        metrics added afterwards, with {@code eventsPerMetric} events each, for the large store
 * @param gapEvents          correlations the gap load's 4 clients write to one metric, with Idempotency-Keys
 */
record Sizes(String name,
             int repetitions,
             List<Integer> clientCounts,
             Duration warmUp,
             Duration throughputRun,
             Duration idleSettle,
             Duration idleWindow,
             int statementCommands,
             int listedMetrics,
             int listedEventsPerMetric,
             int moreMetrics,
             int eventsPerMetric,
             Duration listRun,
             int longStreamEvents,
             int latencyCommands,
             int gapEvents) {

    static Sizes full() {
        return new Sizes("full", 3, List.of(1, 16), Duration.ofSeconds(5), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(60), 300, 10_000, 3, 97_000, 10, Duration.ofSeconds(5),
                10_000, 100, 400);
    }

    static Sizes quick() {
        return new Sizes("quick", 3, List.of(1, 16), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofSeconds(10), 60, 1_000, 3, 1_700, 10, Duration.ofSeconds(2),
                1_000, 20, 100);
    }

    long listedEvents() {
        return (long) listedMetrics * listedEventsPerMetric;
    }

    /** Every event of the large store: the listed metrics' and the others'. */
    long storeEvents() {
        return listedEvents() + (long) moreMetrics * eventsPerMetric;
    }
}
