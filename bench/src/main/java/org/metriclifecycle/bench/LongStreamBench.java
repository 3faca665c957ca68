package org.metriclifecycle.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.HdrHistogram.Histogram;

/**
 * Figure 3: the latency of a command on a metric whose stream holds 10,000 events, beside the same command on a
 * freshly proposed metric, with the service's default settings (aggregate cache, snapshots every 250 events). One
 * client, commands back to back.
 */
final class LongStreamBench {

    private final BenchContext bench;
    private final Map<String, Samples> p50 = new LinkedHashMap<>();
    private final Map<String, Samples> p99 = new LinkedHashMap<>();
    private final Samples ratio = new Samples();
    private double firstCommand;
    private double firstAfterRestart;
    private long streamLength;

    LongStreamBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        BenchContext.say("== Figure 3: command latency on a metric with %,d events vs a fresh one",
                sizes.longStreamEvents());
        Database database = bench.postgres.create("stream");
        try {
            String[] longMetric;
            try (ServiceProcess service = bench.start(database)) {
                ServiceApi api = service.api();
                longMetric = newMetric(api, "stream");
                // The correlations go straight into the table, as if another instance had written them; the first
                // command on the metric then loads them all and brings its view up to date in its transaction.
                EventCopy.copy(database, correlations(longMetric[0], longMetric[1], sizes.longStreamEvents()));
                database.execute("ANALYZE domain_event_entry");
                streamLength = database.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                        + longMetric[0] + "'");
                BenchContext.say("  metric %s holds %,d events", longMetric[0], streamLength);
                firstCommand = once(api, longMetric);
                long viewSequence = database.count("SELECT last_sequence FROM metric_view WHERE metric_id = '"
                        + longMetric[0] + "'");
                if (viewSequence != streamLength) {
                    throw new BenchFailure("after the first command the view is at sequence " + viewSequence
                            + ", the stream holds " + (streamLength + 1) + " events");
                }
                measure(api, longMetric);
            }
            try (ServiceProcess service = bench.start(database)) {
                // A new instance has nothing cached: the first command starts from the latest snapshot.
                firstAfterRestart = once(service.api(), longMetric);
            }
        } finally {
            bench.postgres.drop(database);
        }
        report();
    }

    private void measure(ServiceApi api, String[] longMetric) throws Exception {
        Sizes sizes = bench.sizes;
        for (int i = 0; i < 10; i++) {
            once(api, longMetric);
        }
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            Histogram onLong = commands(api, longMetric, sizes.latencyCommands());
            add("long stream", onLong);
            String[] fresh = newMetric(api, "fresh");
            for (int i = 0; i < 10; i++) {
                once(api, fresh);
            }
            Histogram onFresh = commands(api, fresh, sizes.latencyCommands());
            add("fresh metric", onFresh);
            ratio.add(onLong.getValueAtPercentile(50) / (double) onFresh.getValueAtPercentile(50));
            BenchContext.say("  repetition %d: long stream p50 %.1f ms p99 %.1f ms; fresh metric p50 %.1f ms "
                            + "p99 %.1f ms", rep, onLong.getValueAtPercentile(50) / 1000.0,
                    onLong.getValueAtPercentile(99) / 1000.0, onFresh.getValueAtPercentile(50) / 1000.0,
                    onFresh.getValueAtPercentile(99) / 1000.0);
        }
    }

    private void add(String what, Histogram histogram) {
        p50.computeIfAbsent(what, k -> new Samples()).add(histogram.getValueAtPercentile(50) / 1000.0);
        p99.computeIfAbsent(what, k -> new Samples()).add(histogram.getValueAtPercentile(99) / 1000.0);
    }

    /** Records {@code count} correlations on the metric, one after the other; latencies in microseconds. */
    static Histogram commands(ServiceApi api, String[] metric, int count) throws Exception {
        Histogram histogram = new Histogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
        for (int i = 0; i < count; i++) {
            histogram.recordValue((long) (once(api, metric) * 1000));
        }
        return histogram;
    }

    /** One correlation recorded on the metric; milliseconds until it answered. */
    static double once(ServiceApi api, String[] metric) throws Exception {
        String body = HttpCommandClient.correlationBody(metric[1], Evidence.nth(0));
        long started = System.nanoTime();
        api.expectOk(api.post("/api/v1/metrics/" + metric[0] + "/correlations", body), "correlation on " + metric[0]);
        return (System.nanoTime() - started) / 1e6;
    }

    /** Proposes a metric and links a hypothesis over HTTP: {metricId, hypothesisId}. */
    static String[] newMetric(ServiceApi api, String team) throws Exception {
        String metricId = api.expectOk(api.post("/api/v1/metrics", "{\"name\":\"latency probe\",\"team\":\"" + team
                + "\",\"owner\":\"ada\"}"), "proposal").field("metricId");
        String hypothesisId = api.expectOk(api.post("/api/v1/metrics/" + metricId + "/hypotheses",
                "{\"outcome\":\"user-reported errors\",\"statement\":\"r >= 0.5\",\"direction\":\"POSITIVE\","
                        + "\"minCorrelation\":0.5,\"minSampleSize\":100}"), "hypothesis").field("hypothesisId");
        return new String[] {metricId, hypothesisId};
    }

    /** Correlations at sequence 2 up to (not including) {@code length}, a second apart, ending now. */
    private static Iterator<EventRow> correlations(String metricId, String hypothesisId, int length) {
        Instant first = StoredEvents.tick(Instant.now().minusSeconds(length + 60));
        return new Iterator<>() {
            private long sequence = 2;

            @Override
            public boolean hasNext() {
                return sequence < length;
            }

            @Override
            public EventRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long at = sequence;
                return SyntheticMetrics.correlation(metricId, hypothesisId, sequence++, first.plusSeconds(at));
            }
        };
    }

    private void report() {
        Sizes sizes = bench.sizes;
        Report.Section section = bench.report.section("3. Command latency on a metric with " + String.format(
                Locale.ROOT, "%,d", sizes.longStreamEvents()) + " events");
        for (String what : p50.keySet()) {
            section.row(what + ": p50", p50.get(what), "ms", "%.2f");
            section.row(what + ": p99", p99.get(what), "ms", "%.2f");
        }
        section.row("ratio long stream / fresh metric: p50", ratio, "", "%.2f",
                Report.Target.atMost(1.5, "<= 1.5"));
        section.note(String.format(Locale.ROOT, "The command is `POST /api/v1/metrics/{id}/correlations`, %d per "
                        + "repetition from one client, back to back, after 10 warm-up commands; %d repetitions, "
                        + "each beside a newly proposed metric (also warmed up with 10 commands), the ratio taken "
                        + "within the repetition. The service runs with its defaults (aggregate cache, a snapshot "
                        + "every 250 events). The long stream: a metric proposed and linked over HTTP, then %,d "
                        + "correlations stored directly with `COPY` (it held %,d events when measured). The first "
                        + "command on it (not in the figures) loaded the whole stream and brought the metric's view "
                        + "from sequence 1 to the head in its own transaction: %.0f ms. The first command on it after "
                        + "a restart (nothing cached, the latest snapshot): %.0f ms.",
                sizes.latencyCommands(), sizes.repetitions(), sizes.longStreamEvents() - 2, streamLength,
                firstCommand, firstAfterRestart));
    }
}
