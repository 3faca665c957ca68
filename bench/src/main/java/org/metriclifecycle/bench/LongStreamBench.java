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
 * Figure 3: the latency of a command on a metric whose stream holds 10,000 events, without snapshots (threshold
 * out of reach) and with them (the default threshold, 250), beside the same command on a freshly proposed metric.
 * One client, commands back to back: the aggregate is loaded for every command (no aggregate cache), so the
 * difference is the cost of loading the stream.
 */
final class LongStreamBench {

    private static final String NO_SNAPSHOTS = "1000000000";

    private final BenchContext bench;
    private final Map<String, Samples> p50 = new LinkedHashMap<>();
    private final Map<String, Samples> p99 = new LinkedHashMap<>();
    private double firstWithSnapshots;
    private double firstWithout;
    private long streamLength;

    LongStreamBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        BenchContext.say("== Figure 3: command latency on a metric with %,d events, with and without snapshots",
                sizes.longStreamEvents());
        Database database = bench.postgres.create("stream");
        try {
            String[] longMetric;
            try (ServiceProcess service = bench.start(database, Map.of("metrics.snapshots.threshold", NO_SNAPSHOTS))) {
                ServiceApi api = service.api();
                longMetric = newMetric(api, "stream");
                // The correlations go straight into the table (the service would take minutes for 10,000 commands
                // on one metric without snapshots); its processors project them like events of another instance.
                EventCopy.copy(database, correlations(longMetric[0], longMetric[1], sizes.longStreamEvents()));
                Projections.awaitCaughtUp(api, Projections.METRIC_VIEWS, Duration.ofMinutes(5), Duration.ofMillis(200));
                streamLength = database.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                        + longMetric[0] + "'");
                BenchContext.say("  metric %s holds %,d events", longMetric[0], streamLength);
                firstWithout = once(api, longMetric);
                measure(api, longMetric, "without snapshots");
            }
            try (ServiceProcess service = bench.start(database)) {
                ServiceApi api = service.api();
                // The first command loads the whole stream and then stores the snapshot the later ones start from.
                firstWithSnapshots = once(api, longMetric);
                measure(api, longMetric, "with snapshots (every 250 events)");
            }
        } finally {
            bench.postgres.drop(database);
        }
        report();
    }

    private void measure(ServiceApi api, String[] longMetric, String mode) throws Exception {
        Sizes sizes = bench.sizes;
        for (int i = 0; i < 10; i++) {
            once(api, longMetric);
        }
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            Histogram onLong = commands(api, longMetric, sizes.latencyCommands());
            add("long stream, " + mode, onLong);
            String[] fresh = newMetric(api, "fresh");
            Histogram onFresh = commands(api, fresh, sizes.latencyCommands());
            add("fresh metric, " + mode, onFresh);
            BenchContext.say("  %s, repetition %d: long stream p50 %.1f ms p99 %.1f ms; fresh metric p50 %.1f ms "
                            + "p99 %.1f ms", mode, rep, onLong.getValueAtPercentile(50) / 1000.0,
                    onLong.getValueAtPercentile(99) / 1000.0, onFresh.getValueAtPercentile(50) / 1000.0,
                    onFresh.getValueAtPercentile(99) / 1000.0);
        }
    }

    private void add(String what, Histogram histogram) {
        p50.computeIfAbsent(what, k -> new Samples()).add(histogram.getValueAtPercentile(50) / 1000.0);
        p99.computeIfAbsent(what, k -> new Samples()).add(histogram.getValueAtPercentile(99) / 1000.0);
    }

    /** Records {@code count} correlations on the metric, one after the other; latencies in microseconds. */
    private static Histogram commands(ServiceApi api, String[] metric, int count) throws Exception {
        Histogram histogram = new Histogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
        for (int i = 0; i < count; i++) {
            histogram.recordValue((long) (once(api, metric) * 1000));
        }
        return histogram;
    }

    /** One correlation recorded on the metric; milliseconds until it answered. */
    private static double once(ServiceApi api, String[] metric) throws Exception {
        String body = HttpCommandClient.correlationBody(metric[1], Evidence.nth(0));
        long started = System.nanoTime();
        api.expectOk(api.post("/api/v1/metrics/" + metric[0] + "/correlations", body), "correlation on " + metric[0]);
        return (System.nanoTime() - started) / 1e6;
    }

    /** Proposes a metric and links a hypothesis over HTTP: {metricId, hypothesisId}. */
    private static String[] newMetric(ServiceApi api, String team) throws Exception {
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
            section.row(what + ": p50", p50.get(what), "ms", "%.1f");
            section.row(what + ": p99", p99.get(what), "ms", "%.1f");
        }
        section.note(String.format(Locale.ROOT, "The command is `POST /api/v1/metrics/{id}/correlations` (answered "
                        + "after its projection), %d per repetition from one client, back to back, after 10 warm-up "
                        + "commands; %d repetitions, each with a newly proposed metric as the fresh one. The long "
                        + "stream: a metric proposed and linked over HTTP, then %,d correlations stored directly (it "
                        + "held %,d events when measured). Without snapshots the service ran with "
                        + "`metrics.snapshots.threshold=%s`; then it was restarted with the default (250). The first "
                        + "command after each start (not in the figures): %.0f ms without snapshots, %.0f ms with "
                        + "snapshots (it loads the whole stream, then stores the first snapshot).",
                sizes.latencyCommands(), sizes.repetitions(), sizes.longStreamEvents() - 2, streamLength,
                NO_SNAPSHOTS, firstWithout, firstWithSnapshots));
    }
}
