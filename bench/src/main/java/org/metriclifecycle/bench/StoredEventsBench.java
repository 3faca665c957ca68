package org.metriclifecycle.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 2 (projection rebuild over the stored events, beside a raw scan that decodes them) and figure 4 (listing
 * metrics with 10,000 stored). Events are loaded straight into the event table while the service is stopped, and
 * the processors' tokens are moved to the head, so the service starts with empty read models that only a replay
 * fills.
 */
final class StoredEventsBench {

    /** The list requests measured, by what they show; {@code %s} is a team of the listed metrics. */
    private static final Map<String, String> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("first page (50), 1 client", "/api/v1/metrics");
        LISTS.put("first page (50), 4 clients", "/api/v1/metrics");
        LISTS.put("page of 200, 1 client", "/api/v1/metrics?size=200");
        LISTS.put("one team (50 metrics), 1 client", "/api/v1/metrics?team=%s");
        LISTS.put("by status, page 100 of 50, 1 client", "/api/v1/metrics?status=PROPOSED&page=100");
    }

    private final BenchContext bench;
    private final Samples replayRate = new Samples();
    private final Samples rawRate = new Samples();
    private final Samples rssAfterRebuild = new Samples();
    private final Map<String, Samples> listP50 = new LinkedHashMap<>();
    private final Map<String, Samples> listP99 = new LinkedHashMap<>();
    private final Map<String, Samples> listRate = new LinkedHashMap<>();
    private double smallReplayRate;
    private double startupWithEvents;
    private double loadRate;
    private CpuShare replayCpu;
    private FlightRecording.Profile profile;

    StoredEventsBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        BenchContext.say("== Figures 2 and 4: projection rebuild over %,d events; listing %,d metrics",
                sizes.rebuildEvents(), sizes.listedMetrics());
        Database database = bench.postgres.create("store");
        try {
            bench.start(database).stop();
            Instant start = Instant.parse("2026-01-05T08:00:00Z");
            load(database, sizes.listedMetrics(), "list", start);
            try (ServiceProcess service = bench.start(database)) {
                long events = (long) sizes.listedMetrics() * sizes.eventsPerMetric();
                smallReplayRate = events / replay(service, events);
                BenchContext.say("  replay of %,d events: %.0f events/s", events, smallReplayRate);
                expectViews(database, sizes.listedMetrics());
                list(service);
            }
            load(database, sizes.rebuildMetrics() - sizes.listedMetrics(), "load",
                    start.plusSeconds(sizes.listedMetrics()));
            long events = sizes.rebuildEvents();
            try (ServiceProcess service = bench.start(database)) {
                startupWithEvents = service.startup().toNanos() / 1e9;
                for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                    boolean profiled = rep == sizes.repetitions();
                    FlightRecording recording = profiled
                            ? FlightRecording.start(service.pid(), bench.work.resolve("profiles/replay.jfr")) : null;
                    CpuShare.Meter cpu = CpuShare.start(service.pid());
                    double seconds = replay(service, events);
                    CpuShare share = cpu.stop();
                    if (recording != null) {
                        profile = recording.stop();
                        replayCpu = share;
                    }
                    replayRate.add(events / seconds);
                    rssAfterRebuild.add(Mib.of(service.rssNow()));
                    expectViews(database, sizes.rebuildMetrics());
                    long started = System.nanoTime();
                    long decoded = RawEventScan.scan(database);
                    double rawSeconds = (System.nanoTime() - started) / 1e9;
                    rawRate.add(decoded / rawSeconds);
                    BenchContext.say("  replay %d: %,d events in %.1f s = %.0f events/s (CPU cores: machine %.2f, "
                                    + "service %.2f); raw scan: %,d events in %.1f s = %.0f events/s", rep, events,
                            seconds, events / seconds, share.machineCores(), share.serviceCores(), decoded, rawSeconds,
                            decoded / rawSeconds);
                }
            }
        } finally {
            bench.postgres.drop(database);
        }
        report();
    }

    private void load(Database database, int metrics, String teams, Instant start) throws Exception {
        long started = System.nanoTime();
        long rows = EventCopy.copy(database, SyntheticMetrics.streams(metrics, bench.sizes.eventsPerMetric(), teams,
                start));
        database.execute("ANALYZE domain_event_entry");
        // The service starts with every processor at the head: its read models stay as they are until a replay.
        database.execute("UPDATE token_entry SET owner = NULL, token_type = "
                + "'org.axonframework.eventhandling.GapAwareTrackingToken', token = convert_to('{\"index\":' || "
                + "(SELECT max(global_index) FROM domain_event_entry) || ',\"gaps\":[]}', 'UTF8')");
        double seconds = (System.nanoTime() - started) / 1e9;
        loadRate = rows / seconds;
        BenchContext.say("  loaded %,d events (%,d metrics) in %.1f s", rows, metrics, seconds);
    }

    /** Replays metric-views and waits until it has caught up; the seconds it took. */
    private double replay(ServiceProcess service, long events) throws Exception {
        long started = System.nanoTime();
        Projections.replay(service.api(), Projections.METRIC_VIEWS);
        Projections.awaitCaughtUp(service.api(), Projections.METRIC_VIEWS,
                Duration.ofSeconds(120 + events / 500), Duration.ofMillis(100));
        return (System.nanoTime() - started) / 1e9;
    }

    private static void expectViews(Database database, long metrics) {
        long views = database.count("SELECT count(*) FROM metric_view");
        if (views != metrics) {
            throw new BenchFailure("the replay left " + views + " metric views, expected " + metrics);
        }
    }

    private void list(ServiceProcess service) throws Exception {
        Sizes sizes = bench.sizes;
        String team = "list-" + (sizes.listedMetrics() / 100);
        ServiceApi api = service.api();
        for (Map.Entry<String, String> list : LISTS.entrySet()) {
            String path = list.getValue().formatted(team);
            int clients = list.getKey().contains("4 clients") ? 4 : 1;
            api.expectOk(api.get(path), "GET " + path);
            LoadDriver.run(clients, Duration.ofSeconds(1), service.pid(), client -> () -> api.get(path).ok());
            for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                LoadRun run = LoadDriver.run(clients, sizes.listRun(), service.pid(),
                        client -> () -> api.get(path).ok());
                if (run.failures() > 0) {
                    throw new BenchFailure("GET " + path + " failed " + run.failures() + " times");
                }
                listP50.computeIfAbsent(list.getKey(), k -> new Samples()).add(run.p50Millis());
                listP99.computeIfAbsent(list.getKey(), k -> new Samples()).add(run.p99Millis());
                listRate.computeIfAbsent(list.getKey(), k -> new Samples()).add(run.throughput());
                BenchContext.say("  GET %s (%s): p50 %.1f ms, p99 %.1f ms, %.0f requests/s", path, list.getKey(),
                        run.p50Millis(), run.p99Millis(), run.throughput());
            }
        }
    }

    private void report() {
        Sizes sizes = bench.sizes;
        Report.Section rebuild = bench.report.section("2. Projection rebuild over " + String.format(Locale.ROOT, "%,d",
                sizes.rebuildEvents()) + " stored events");
        rebuild.row("replay of `metric-views` (service)", replayRate, "events/s", "%.0f",
                Report.Target.atLeast(20_000, ">= 20,000 events/s"));
        rebuild.row("raw scan + Jackson decode (baseline)", rawRate, "events/s", "%.0f");
        rebuild.row("ratio service / raw", replayRate.dividedBy(rawRate), "", "%.3f",
                Report.Target.atLeast(0.5, ">= 0.5"));
        rebuild.row("RSS after each replay", rssAfterRebuild, "MiB", "%.0f");
        rebuild.note(String.format(Locale.ROOT, "%,d metric streams of %d events each (a proposal, a hypothesis, %d "
                        + "correlations with rotating verdicts), %d teams, interleaved in waves of 1,000 metrics, loaded "
                        + "with `COPY` at %.0f events/s (serialized like the service does; no hash-chain rows, which "
                        + "neither reading nor a later append needs). The replay is `POST /api/v1/admin/processors/"
                        + "metric-views/replay`, timed until `GET /api/v1/admin/processors` reports `metric-views` "
                        + "running, not replaying, every segment caught up and lag 0 (polled every 100 ms); each "
                        + "replay is checked to leave one `metric_view` per metric. The raw baseline reads the same "
                        + "table in global order on one connection (fetch size 1,000) and decodes each payload and its "
                        + "metadata into the event records with the service's Jackson configuration. The service "
                        + "started on these %,d events in %.2f s (processors at the head). A first replay over the "
                        + "%,d events of figure 4 ran at %.0f events/s.", sizes.rebuildMetrics(),
                sizes.eventsPerMetric(), sizes.eventsPerMetric() - 2, sizes.rebuildMetrics() / 50, loadRate,
                sizes.rebuildEvents(), startupWithEvents, (long) sizes.listedMetrics() * sizes.eventsPerMetric(),
                smallReplayRate));
        if (replayCpu != null) {
            rebuild.note(String.format(Locale.ROOT, "CPU during the last replay (cores busy on average, of %d): "
                            + "machine %.2f, service JVM %.2f, rest (PostgreSQL and others) %.2f.", Machine.cores(),
                    replayCpu.machineCores(), replayCpu.serviceCores(), replayCpu.otherCores()));
        }
        if (profile != null) {
            rebuild.note(Profiles.markdown("Profile of the service during the last replay", profile, bench.work));
        }

        Report.Section list = bench.report.section("4. Listing metrics with " + String.format(Locale.ROOT, "%,d",
                sizes.listedMetrics()) + " stored");
        for (String name : LISTS.keySet()) {
            String path = LISTS.get(name).formatted("list-" + sizes.listedMetrics() / 100);
            boolean headline = name.equals("first page (50), 1 client");
            list.row("`GET " + path + "` " + name + ": p50", listP50.get(name), "ms", "%.1f");
            if (headline) {
                list.row("`GET " + path + "` " + name + ": p99", listP99.get(name), "ms", "%.1f",
                        Report.Target.below(50, "< 50 ms"));
            } else {
                list.row("`GET " + path + "` " + name + ": p99", listP99.get(name), "ms", "%.1f");
            }
            list.row("`GET " + path + "` " + name + ": throughput", listRate.get(name), "requests/s", "%.0f");
        }
        list.note(String.format(Locale.ROOT, "%,d metrics of %d events each (in %d teams of 50), read models built by a "
                        + "replay; every list request is answered from `metric_view` (filters on columns, the page's "
                        + "JSON documents, and a `count(*)` for `total`). Each row: %s of back-to-back requests after a "
                        + "1 s warm-up, %d repetitions.", sizes.listedMetrics(), sizes.eventsPerMetric(),
                sizes.listedMetrics() / 50, sizes.listRun(), sizes.repetitions()));
    }
}
