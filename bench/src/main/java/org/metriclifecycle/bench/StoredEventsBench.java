package org.metriclifecycle.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 5 (the projection rebuild through {@code POST /api/v1/admin/projections/rebuild}, run to the end, beside a
 * raw scan that decodes the same events) and figure 6 (listing metrics with 10,000 stored). Events are loaded
 * straight into the event table with {@code COPY} while the service is stopped, so only a rebuild builds their views.
 * A commit without the rebuild endpoint gets neither figure (the events could not be given views), and the report
 * says so.
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

    private final BenchContext bench;
    private final Samples smallRate = new Samples();
    private final Samples smallRawRate = new Samples();
    private final Samples largeRate = new Samples();
    private final Samples largeReportedRate = new Samples();
    private final Samples largeRawRate = new Samples();
    private final Samples largeSeconds = new Samples();
    private final Samples rssAfterRebuild = new Samples();
    private final Map<String, Samples> listP50 = new LinkedHashMap<>();
    private final Map<String, Samples> listP99 = new LinkedHashMap<>();
    private final Map<String, Samples> listRate = new LinkedHashMap<>();
    private boolean available = true;
    private double startupWithEvents;
    private double loadRate;
    private long largeStore;
    private CpuShare rebuildCpu;
    private DatabaseActivity rebuildActivity;

    StoredEventsBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        long smallStore = sizes.listedEvents();
        BenchContext.say("== Figures 5 and 6: projection rebuild over %,d and %,d events; listing %,d metrics",
                smallStore, sizes.storeEvents(), sizes.listedMetrics());
        Database database = bench.postgres.create("store");
        try {
            try (ServiceProcess service = bench.start(database)) {
                available = Projections.rebuildAvailable(service.api());
            }
            if (!available) {
                BenchContext.say("  GET %s is not there (404): the commit measured has no rebuild; figures 5 and 6 "
                        + "not measured", Projections.REBUILD);
                report();
                return;
            }
            Instant start = Instant.parse("2026-01-05T08:00:00Z");
            load(database, sizes.listedMetrics(), sizes.listedEventsPerMetric(), "list", start);
            try (ServiceProcess service = bench.start(database)) {
                for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                    Projections.Rebuilt rebuilt = Projections.rebuild(service.api(), Duration.ofMinutes(10));
                    expect(rebuilt, smallStore);
                    smallRate.add(smallStore / rebuilt.seconds());
                    expectViews(database, sizes.listedMetrics());
                    double raw = rawScan(database);
                    smallRawRate.add(raw);
                    BenchContext.say("  rebuild %d of %,d events: %.1f s = %.0f events/s (service reports %.0f); raw "
                                    + "scan %.0f events/s", rep, smallStore, rebuilt.seconds(),
                            smallStore / rebuilt.seconds(), rebuilt.reportedPerSecond(), raw);
                    if (rep == 1) {
                        // Listed right after the first build of the views, once autovacuum's work is done.
                        database.execute("VACUUM ANALYZE metric_view");
                        list(service);
                    }
                }
            }
            load(database, sizes.moreMetrics(), sizes.eventsPerMetric(), "load",
                    start.plusSeconds(sizes.listedMetrics()));
            largeStore = database.count("SELECT count(*) FROM domain_event_entry");
            try (ServiceProcess service = bench.start(database)) {
                startupWithEvents = service.startup().toNanos() / 1e9;
                for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                    double raw = rawScan(database);
                    largeRawRate.add(raw);
                    DatabaseActivity before = DatabaseActivity.read(database);
                    CpuShare.Meter cpu = CpuShare.start(service.pid());
                    Projections.Rebuilt rebuilt = Projections.rebuild(service.api(), Duration.ofMinutes(20));
                    rebuildCpu = cpu.stop();
                    expect(rebuilt, largeStore);
                    expectViews(database, sizes.listedMetrics() + sizes.moreMetrics());
                    largeRate.add(largeStore / rebuilt.seconds());
                    largeReportedRate.add(rebuilt.reportedPerSecond());
                    largeSeconds.add(rebuilt.seconds());
                    rssAfterRebuild.add(Mib.of(service.rssNow()));
                    if (rep == sizes.repetitions()) {
                        // The rebuild's connections report their counters within 10 s of going idle.
                        Thread.sleep(11_000);
                        rebuildActivity = DatabaseActivity.read(database).since(before);
                    }
                    BenchContext.say("  raw scan %d of %,d events: %.0f events/s; rebuild: %.1f s = %.0f events/s "
                                    + "(service reports %.0f; CPU cores: machine %.2f, service %.2f)", rep, largeStore,
                            raw, rebuilt.seconds(), largeStore / rebuilt.seconds(), rebuilt.reportedPerSecond(),
                            rebuildCpu.machineCores(), rebuildCpu.serviceCores());
                }
            }
        } finally {
            bench.postgres.drop(database);
        }
        report();
    }

    private static void expect(Projections.Rebuilt rebuilt, long events) {
        if (rebuilt.eventsApplied() < events) {
            throw new BenchFailure("the rebuild ended having applied " + rebuilt.eventsApplied() + " of " + events
                    + " events");
        }
    }

    private void load(Database database, int metrics, int eventsPerMetric, String teams, Instant start)
            throws Exception {
        long started = System.nanoTime();
        long rows = EventCopy.copy(database, SyntheticMetrics.streams(metrics, eventsPerMetric, teams, start));
        database.execute("ANALYZE domain_event_entry");
        double seconds = (System.nanoTime() - started) / 1e9;
        loadRate = rows / seconds;
        BenchContext.say("  loaded %,d events (%,d metrics) in %.1f s", rows, metrics, seconds);
    }

    private static double rawScan(Database database) throws Exception {
        long started = System.nanoTime();
        long decoded = RawEventScan.scan(database);
        return decoded / ((System.nanoTime() - started) / 1e9);
    }

    private static void expectViews(Database database, long metrics) {
        long views = database.count("SELECT count(*) FROM metric_view");
        if (views != metrics) {
            throw new BenchFailure("the rebuild left " + views + " metric views, expected " + metrics);
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
        Report.Section rebuild = bench.report.section("5. Projection rebuild");
        String large = String.format(Locale.ROOT, "%,d", available ? largeStore : sizes.storeEvents());
        String small = String.format(Locale.ROOT, "%,d", smallStore);
        rebuild.row("rebuild over " + large + " events, to the end (service)", largeRate, "events/s", "%.0f");
        rebuild.row("raw scan + Jackson decode of " + large + " events (baseline)", largeRawRate, "events/s", "%.0f");
        rebuild.row("ratio rebuild / raw scan, " + large + " events", largeRate.dividedBy(largeRawRate), "", "%.3f",
                Report.Target.atLeast(0.5, ">= 0.5"));
        rebuild.row("rebuild over " + large + " events: duration", largeSeconds, "s", "%.1f");
        rebuild.row("rebuild over " + large + " events: `eventsPerSecond` as the service reports it",
                largeReportedRate, "events/s", "%.0f");
        rebuild.row("rebuild over " + small + " events, to the end (service)", smallRate, "events/s", "%.0f");
        rebuild.row("raw scan + Jackson decode of " + small + " events (baseline)", smallRawRate, "events/s", "%.0f");
        rebuild.row("ratio rebuild / raw scan, " + small + " events", smallRate.dividedBy(smallRawRate), "", "%.3f");
        rebuild.row("RSS after each rebuild over " + large + " events", rssAfterRebuild, "MiB", "%.0f");
        if (!available) {
            rebuild.note("**Not measured**: the commit measured has no `GET " + Projections.REBUILD + "` (it answered "
                    + "404), so nothing could rebuild views of events loaded behind the service's back; the harness "
                    + "for it is in place (`StoredEventsBench`, `Projections`) and runs as soon as the endpoint is "
                    + "there.");
        } else {
            rebuild.note(String.format(Locale.ROOT, "The store: %,d metric streams of %d events (a proposal, a "
                            + "hypothesis, an inconclusive correlation; the metrics of figure 6), then %,d streams of "
                            + "%d events (a proposal, a hypothesis, %d correlations with rotating verdicts), 50 "
                            + "metrics per team, interleaved in waves of 1,000 metrics, loaded with `COPY` while the "
                            + "service was stopped (the last load at %.0f events/s), serialized as the service does; "
                            + "no hash-chain rows, which neither reading nor a later append needs. A rebuild is `POST "
                            + "%s` (202), timed from that request until `GET` reports `IDLE` with a `finishedAt` "
                            + "(polled every 50 ms), and checked to have applied every event and to leave one "
                            + "`metric_view` per metric; the rate is the store's events over that time. The raw "
                            + "baseline reads the same table in global order on one connection (fetch size 1,000) and "
                            + "decodes each payload and its metadata into the event records with the service's Jackson "
                            + "configuration, right before each rebuild over the large store and right after each over "
                            + "the small one, while the service is idle. The service started on the %s events in "
                            + "%.2f s.", sizes.listedMetrics(), sizes.listedEventsPerMetric(), sizes.moreMetrics(),
                    sizes.eventsPerMetric(), sizes.eventsPerMetric() - 2, loadRate, Projections.REBUILD, large,
                    startupWithEvents));
        }
        if (rebuildCpu != null) {
            rebuild.note(String.format(Locale.ROOT, "CPU during the last rebuild over %s events (cores busy on "
                            + "average, of %d): machine %.2f, service JVM %.2f, rest (PostgreSQL and others) %.2f.",
                    large, Machine.cores(), rebuildCpu.machineCores(), rebuildCpu.serviceCores(),
                    rebuildCpu.otherCores()));
        }
        if (rebuildActivity != null) {
            double n = largeStore;
            rebuild.note(String.format(Locale.ROOT, "PostgreSQL's work per event in that rebuild "
                            + "(`pg_stat_database`): %.4f commits, %.2f rows inserted, %.2f updated, %.2f deleted, "
                            + "%.2f fetched by index, %.2f returned by scans.", rebuildActivity.commits() / n,
                    rebuildActivity.inserted() / n, rebuildActivity.updated() / n, rebuildActivity.deleted() / n,
                    rebuildActivity.fetched() / n, rebuildActivity.returned() / n));
        }

        Report.Section list = bench.report.section("6. Listing metrics with " + String.format(Locale.ROOT, "%,d",
                sizes.listedMetrics()) + " stored");
        for (String name : LISTS.keySet()) {
            String path = LISTS.get(name).formatted(team());
            boolean headline = name.equals("first page (50), 1 client");
            Samples none = new Samples();
            list.row("`GET " + path + "` " + name + ": p50", listP50.getOrDefault(name, none), "ms", "%.1f");
            list.row("`GET " + path + "` " + name + ": p99", listP99.getOrDefault(name, none), "ms", "%.1f",
                    headline ? Report.Target.below(50, "< 50 ms") : null);
            list.row("`GET " + path + "` " + name + ": throughput", listRate.getOrDefault(name, none), "requests/s",
                    "%.0f");
        }
        if (!available) {
            list.note("**Not measured**: the listed metrics' views are built by the rebuild (figure 5), which the "
                    + "commit measured does not have.");
        } else {
            list.note(String.format(Locale.ROOT, "%,d metrics of %d events each (in %d teams of 50), views built by "
                            + "the first rebuild above, then `VACUUM ANALYZE metric_view` (what autovacuum does soon "
                            + "after); every list request is answered from `metric_view` (filters on columns, the "
                            + "page's JSON documents, and a `count(*)` for `total`). Each row: %s of back-to-back "
                            + "requests after a 1 s warm-up, %d repetitions.", sizes.listedMetrics(),
                    sizes.listedEventsPerMetric(), sizes.listedMetrics() / 50, Report.duration(sizes.listRun()),
                    sizes.repetitions()));
        }
    }
}
