package org.metriclifecycle.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 2 (projection rebuild, beside a raw scan that decodes the same events) and figure 4 (listing metrics with
 * 10,000 stored). Events are loaded straight into the event table while the service is stopped, and the
 * processors' tokens are moved to the head, so the service starts with read models that only a replay fills.
 * <p>
 * The rebuild is measured twice: to the end (until the admin API reports the processor caught up) over the 30,000
 * events of figure 4's 10,000 metrics, and over 1,000,000 events within a fixed window (how far the segments
 * got), since a complete replay of a million events takes longer than the whole bench may on a small machine.
 */
final class StoredEventsBench {

    /** The list requests measured, by what they show; {@code %s} is a team of the listed metrics. */
    private static final Map<String, String> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("first page (50), 1 client", "/api/v1/metrics");
        LISTS.put("first page (50), 4 clients", "/api/v1/metrics");
        LISTS.put("page of 200, 1 client", "/api/v1/metrics?size=200");
        LISTS.put("one team (50 metrics), 1 client", "/api/v1/metrics?team=%s");
        LISTS.put("by status, page 100 of 50, 1 client", "/api/v1/metrics?status=LINKED&page=100");
    }

    private static final Duration PROFILED_REPLAY = Duration.ofSeconds(30);

    private final BenchContext bench;
    private final Samples completeRate = new Samples();
    private final Samples completeRawRate = new Samples();
    private final Samples windowRate = new Samples();
    private final Samples windowRawRate = new Samples();
    private final Samples windowHistoryRate = new Samples();
    private final Samples rssAfterRebuild = new Samples();
    private final Map<String, Samples> listP50 = new LinkedHashMap<>();
    private final Map<String, Samples> listP99 = new LinkedHashMap<>();
    private final Map<String, Samples> listRate = new LinkedHashMap<>();
    private boolean windowCompleted;
    private double startupWithEvents;
    private double loadRate;
    private CpuShare replayCpu;
    private DatabaseActivity replayActivity;
    private FlightRecording.Profile profile;
    private double profiledRate;

    StoredEventsBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        long smallStore = sizes.listedEvents();
        long largeStore = sizes.storeEvents();
        BenchContext.say("== Figures 2 and 4: projection rebuild over %,d and %,d events; listing %,d metrics",
                smallStore, largeStore, sizes.listedMetrics());
        Database database = bench.postgres.create("store");
        try {
            bench.start(database).stop();
            Instant start = Instant.parse("2026-01-05T08:00:00Z");
            load(database, sizes.listedMetrics(), sizes.listedEventsPerMetric(), "list", start);
            try (ServiceProcess service = bench.start(database)) {
                for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                    DatabaseActivity before = DatabaseActivity.read(database);
                    CpuShare.Meter cpu = CpuShare.start(service.pid());
                    double seconds = replayToTheEnd(service, smallStore);
                    CpuShare share = cpu.stop();
                    if (rep == sizes.repetitions()) {
                        replayCpu = share;
                        Thread.sleep(1_500);
                        replayActivity = DatabaseActivity.read(database).since(before);
                    }
                    completeRate.add(smallStore / seconds);
                    rssAfterRebuild.add(Mib.of(service.rssNow()));
                    expectViews(database, sizes.listedMetrics());
                    double raw = rawScan(database);
                    completeRawRate.add(raw);
                    BenchContext.say("  replay %d of %,d events: %.1f s = %.0f events/s (CPU cores: machine %.2f, "
                                    + "service %.2f); raw scan %.0f events/s", rep, smallStore, seconds,
                            smallStore / seconds, share.machineCores(), share.serviceCores(), raw);
                    if (rep == 1) {
                        // Listed right after the first build of the views, once autovacuum's work is done: later
                        // replays delete and rewrite every view, and the dead rows would slow the count(*) until
                        // autovacuum comes by.
                        database.execute("VACUUM ANALYZE metric_view");
                        list(service);
                    }
                }
            }
            load(database, sizes.moreMetrics(), sizes.eventsPerMetric(), "load",
                    start.plusSeconds(sizes.listedMetrics()));
            try (ServiceProcess service = bench.start(database)) {
                startupWithEvents = service.startup().toNanos() / 1e9;
                // The raw scans first, while the service is idle: a replay watched for a window goes on after it.
                for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                    double raw = rawScan(database);
                    windowRawRate.add(raw);
                    BenchContext.say("  raw scan %d of %,d events: %.0f events/s", rep, largeStore, raw);
                }
                for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                    DatabaseActivity before = DatabaseActivity.read(database);
                    long started = System.nanoTime();
                    double rate = replayWithin(service, largeStore, sizes.replayWindow());
                    double seconds = (System.nanoTime() - started) / 1e9;
                    windowRate.add(rate);
                    // A cross-check of the segments' positions: each applied event inserts one history row (and a
                    // stream's first event its view), whatever the processor reports.
                    windowHistoryRate.add(DatabaseActivity.read(database).since(before).inserted() / seconds);
                    BenchContext.say("  replay %d over %,d events: %.0f events/s in the first %s", rep, largeStore,
                            rate, Report.duration(sizes.replayWindow()));
                }
                // Profiled on a replay of its own, after the measured ones: a recording costs the service some CPU.
                FlightRecording recording = FlightRecording.start(service.pid(), bench.work.resolve(
                        "profiles/replay.jfr"));
                profiledRate = replayWithin(service, largeStore, PROFILED_REPLAY);
                profile = recording.stop();
            }
        } finally {
            bench.postgres.drop(database);
        }
        report();
    }

    private void load(Database database, int metrics, int eventsPerMetric, String teams, Instant start)
            throws Exception {
        long started = System.nanoTime();
        long rows = EventCopy.copy(database, SyntheticMetrics.streams(metrics, eventsPerMetric, teams, start));
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
    private static double replayToTheEnd(ServiceProcess service, long events) throws Exception {
        long started = System.nanoTime();
        Projections.replay(service.api(), Projections.METRIC_VIEWS);
        Projections.awaitCaughtUp(service.api(), Projections.METRIC_VIEWS,
                Duration.ofSeconds(120 + events / 200), Duration.ofMillis(100));
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Replays metric-views for at most {@code window}: events per second until it caught up, or, if it is still
     * going at the end of the window, the events applied so far (the segments' mean position) per second.
     */
    private double replayWithin(ServiceProcess service, long events, Duration window) throws Exception {
        ServiceApi api = service.api();
        long started = System.nanoTime();
        Projections.replay(api, Projections.METRIC_VIEWS);
        long end = started + window.toNanos();
        while (System.nanoTime() < end) {
            if (Projections.isCaughtUp(api, Projections.METRIC_VIEWS)) {
                windowCompleted = true;
                return events / ((System.nanoTime() - started) / 1e9);
            }
            Thread.sleep(100);
        }
        double applied = Projections.meanPosition(api, Projections.METRIC_VIEWS);
        return applied / ((System.nanoTime() - started) / 1e9);
    }

    private static double rawScan(Database database) throws Exception {
        long started = System.nanoTime();
        long decoded = RawEventScan.scan(database);
        return decoded / ((System.nanoTime() - started) / 1e9);
    }

    private static void expectViews(Database database, long metrics) {
        long views = database.count("SELECT count(*) FROM metric_view");
        if (views != metrics) {
            throw new BenchFailure("the replay left " + views + " metric views, expected " + metrics);
        }
    }

    private void list(ServiceProcess service) throws Exception {
        Sizes sizes = bench.sizes;
        String team = team();
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

    /** A team in the middle of the listed metrics. */
    private String team() {
        return "list-" + bench.sizes.listedMetrics() / 100;
    }

    private void report() {
        Sizes sizes = bench.sizes;
        long smallStore = sizes.listedEvents();
        Report.Section rebuild = bench.report.section("2. Projection rebuild");
        String large = String.format(Locale.ROOT, "%,d", sizes.storeEvents());
        String small = String.format(Locale.ROOT, "%,d", smallStore);
        rebuild.row("replay of `metric-views` over " + large + " events (service)", windowRate, "events/s", "%.0f",
                Report.Target.atLeast(20_000, ">= 20,000 events/s"));
        rebuild.row("raw scan + Jackson decode of " + large + " events (baseline)", windowRawRate, "events/s", "%.0f");
        rebuild.row("ratio service / raw, " + large + " events", windowRate.dividedBy(windowRawRate), "", "%.3f",
                Report.Target.atLeast(0.5, ">= 0.5"));
        rebuild.row("rows inserted per second during those replays (cross-check: one history row per event, one "
                + "view per stream)", windowHistoryRate, "rows/s", "%.0f");
        rebuild.row("replay of `metric-views` over " + small + " events, to caught up (service)", completeRate,
                "events/s", "%.0f");
        rebuild.row("raw scan + Jackson decode of " + small + " events (baseline)", completeRawRate, "events/s",
                "%.0f");
        rebuild.row("ratio service / raw, " + small + " events", completeRate.dividedBy(completeRawRate), "", "%.3f");
        rebuild.row("RSS after each complete replay", rssAfterRebuild, "MiB", "%.0f");
        rebuild.note(String.format(Locale.ROOT, "The store: %,d metric streams of %d events (a proposal, a hypothesis, "
                        + "an inconclusive correlation; the metrics of figure 4), then %,d streams of %d events (a "
                        + "proposal, a hypothesis, %d correlations with rotating verdicts), 50 metrics per team, "
                        + "interleaved in waves of 1,000 metrics, loaded with `COPY` (the last load at %.0f events/s), "
                        + "serialized as the service does; no hash-chain rows, which neither reading nor a later "
                        + "append needs. A replay is `POST /api/v1/admin/processors/metric-views/replay`. Over the "
                        + "first %s events it is timed until `GET /api/v1/admin/processors` reports `metric-views` "
                        + "running, every segment caught up at the head and lag 0 (polled every 100 ms), and checked "
                        + "to leave one `metric_view` per metric. Over all %s events %s. The raw baseline reads the "
                        + "same table in global order on one connection (fetch size 1,000) and decodes each payload "
                        + "and its metadata "
                        + "into the event records with the service's Jackson configuration (over the small store right "
                        + "after each replay, over the large one before the replays, while the service is idle). "
                        + "The service started on the %s events in %.2f s (processors at the head).",
                sizes.listedMetrics(), sizes.listedEventsPerMetric(), sizes.moreMetrics(), sizes.eventsPerMetric(),
                sizes.eventsPerMetric() - 2, loadRate, small, large, windowCompleted
                        ? "it is timed the same way (it finished within the " + Report.duration(sizes.replayWindow())
                                + " window)"
                        : "each replay is watched for " + Report.duration(sizes.replayWindow())
                        + ", and the rate is the events applied by then over the time since the replay was asked "
                        + "for (each of the 4 segments applies its share of the streams in global order, so the "
                        + "events applied are the mean of the segments' positions); the replay would go on at that "
                        + "pace, but the next one restarts it",
                large, startupWithEvents));
        if (replayCpu != null) {
            rebuild.note(String.format(Locale.ROOT, "CPU during the last complete replay (cores busy on average, of "
                            + "%d): machine %.2f, service JVM %.2f, rest (PostgreSQL and others) %.2f.",
                    Machine.cores(), replayCpu.machineCores(), replayCpu.serviceCores(), replayCpu.otherCores()));
        }
        if (replayActivity != null) {
            double n = smallStore;
            rebuild.note(String.format(Locale.ROOT, "PostgreSQL's work per replayed event in that replay "
                            + "(`pg_stat_database`): %.2f commits, %.2f rows inserted, %.2f updated, %.2f deleted, "
                            + "%.2f fetched by index, %.2f returned by scans.", replayActivity.commits() / n,
                    replayActivity.inserted() / n, replayActivity.updated() / n, replayActivity.deleted() / n,
                    replayActivity.fetched() / n, replayActivity.returned() / n));
        }
        if (profile != null) {
            rebuild.note(Profiles.markdown(String.format(Locale.ROOT, "Profile of the service during the first %d s "
                    + "of an extra replay over the large store after the measured ones (not in the figures; %.0f "
                    + "events/s while recording)", PROFILED_REPLAY.toSeconds(), profiledRate), profile, bench.work));
        }

        Report.Section list = bench.report.section("4. Listing metrics with " + String.format(Locale.ROOT, "%,d",
                sizes.listedMetrics()) + " stored");
        for (String name : LISTS.keySet()) {
            String path = LISTS.get(name).formatted(team());
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
        list.note(String.format(Locale.ROOT, "%,d metrics of %d events each (in %d teams of 50), views built by the "
                        + "first replay above, then `VACUUM ANALYZE metric_view` (what autovacuum does soon after); "
                        + "every list request is answered from `metric_view` (filters on columns, "
                        + "the page's JSON documents, and a `count(*)` for `total`). Each row: %s of back-to-back "
                        + "requests after a 1 s warm-up, %d repetitions.", sizes.listedMetrics(),
                sizes.listedEventsPerMetric(), sizes.listedMetrics() / 50, Report.duration(sizes.listRun()),
                sizes.repetitions()));
    }
}
