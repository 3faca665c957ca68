package org.metriclifecycle.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 1 (command throughput and latency over HTTP at 1, 4 and 16 clients, beside raw JDBC appends of the same
 * rows) and figure 5 (start-up time, resident memory after start and after the load).
 */
final class CommandThroughputBench {

    private final BenchContext bench;
    private final Map<Integer, Samples> serviceRate = new LinkedHashMap<>();
    private final Map<Integer, Samples> serviceP50 = new LinkedHashMap<>();
    private final Map<Integer, Samples> serviceP99 = new LinkedHashMap<>();
    private final Map<Integer, Samples> rawRate = new LinkedHashMap<>();
    private final Map<Integer, Samples> rawP50 = new LinkedHashMap<>();
    private final Map<Integer, Samples> rawP99 = new LinkedHashMap<>();
    private final Map<Integer, LoadRun> lastService = new LinkedHashMap<>();
    private final Map<Integer, LoadRun> lastRaw = new LinkedHashMap<>();
    private final Map<Integer, DatabaseActivity> lastActivity = new LinkedHashMap<>();
    private final Samples startup = new Samples();
    private final Samples rssAfterStart = new Samples();
    private final Samples rssAfterLoad = new Samples();
    private long failures;
    private double firstStart;
    private FlightRecording.Profile profile;
    private LoadRun profiledRun;

    CommandThroughputBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        BenchContext.say("== Figures 1 and 5: commands over HTTP vs raw JDBC appends; start-up and memory");
        Database database = bench.postgres.create("commands");
        ServiceProcess service = bench.start(database);
        firstStart = service.startup().toNanos() / 1e9;
        service.stop();
        // The raw baseline's own copy of the freshly migrated schema: same table, same indexes, no processors.
        Database raw = bench.postgres.copyOf(database, "raw");
        for (int i = 0; i < sizes.repetitions(); i++) {
            service = bench.start(database);
            startup.add(service.startup().toNanos() / 1e9);
            rssAfterStart.add(Mib.of(service.rssAfterStart()));
            if (i < sizes.repetitions() - 1) {
                service.stop();
            }
        }
        try {
            ServiceApi api = service.api();
            BenchContext.say("  warm-up: %s at 4 clients, service then raw", Report.duration(sizes.warmUp()));
            http(service, "w", 4, sizes.warmUp());
            raw(raw, "w", 4, sizes.warmUp());
            int maxClients = sizes.clientCounts().get(sizes.clientCounts().size() - 1);
            for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                for (int clients : sizes.clientCounts()) {
                    DatabaseActivity before = DatabaseActivity.read(database);
                    LoadRun viaService = http(service, "r" + rep, clients, sizes.throughputRun());
                    Thread.sleep(1_500);
                    lastActivity.put(clients, DatabaseActivity.read(database).since(before));
                    LoadRun viaJdbc = raw(raw, "r" + rep, clients, sizes.throughputRun());
                    record(serviceRate, serviceP50, serviceP99, lastService, viaService);
                    record(rawRate, rawP50, rawP99, lastRaw, viaJdbc);
                    failures += viaService.failures();
                }
                rssAfterLoad.add(Mib.of(service.rssNow()));
            }
            // Profiled on a run of its own, after the measured ones: a recording costs the service some CPU.
            FlightRecording recording = FlightRecording.start(service.pid(),
                    bench.work.resolve("profiles/commands-" + maxClients + ".jfr"));
            profiledRun = http(service, "p", maxClients, sizes.throughputRun());
            profile = recording.stop();
        } finally {
            service.stop();
            bench.postgres.drop(raw);
            bench.postgres.drop(database);
        }
        report();
    }

    private LoadRun http(ServiceProcess service, String tag, int clients, java.time.Duration duration)
            throws InterruptedException {
        String prefix = "h" + tag + "c" + clients;
        LoadRun run = LoadDriver.run(clients, duration, service.pid(),
                client -> new HttpCommandClient(service.api(), prefix + "k" + client));
        say("service", run);
        return run;
    }

    private LoadRun raw(Database raw, String tag, int clients, java.time.Duration duration) throws Exception {
        String prefix = "j" + tag + "c" + clients;
        List<JdbcAppendClient> opened = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                opened.add(new JdbcAppendClient(raw, prefix + "k" + i));
            }
            LoadRun run = LoadDriver.run(clients, duration, -1, opened::get);
            say("raw JDBC", run);
            return run;
        } finally {
            for (JdbcAppendClient client : opened) {
                client.close();
            }
        }
    }

    private static void say(String what, LoadRun run) {
        BenchContext.say("  %-8s %2d clients: %7.1f commands/s, p50 %6.1f ms, p99 %6.1f ms, %d failed; CPU cores: "
                        + "machine %.2f, service %.2f, bench %.2f", what, run.clients(), run.throughput(),
                run.p50Millis(), run.p99Millis(), run.failures(), run.cpu().machineCores(), run.cpu().serviceCores(),
                run.cpu().benchCores());
    }

    private static void record(Map<Integer, Samples> rate, Map<Integer, Samples> p50, Map<Integer, Samples> p99,
                               Map<Integer, LoadRun> last, LoadRun run) {
        rate.computeIfAbsent(run.clients(), c -> new Samples()).add(run.throughput());
        p50.computeIfAbsent(run.clients(), c -> new Samples()).add(run.p50Millis());
        p99.computeIfAbsent(run.clients(), c -> new Samples()).add(run.p99Millis());
        last.put(run.clients(), run);
    }

    private void report() {
        Sizes sizes = bench.sizes;
        int maxClients = sizes.clientCounts().get(sizes.clientCounts().size() - 1);
        Report.Section section = bench.report.section("1. Command throughput and latency over HTTP, beside raw JDBC");
        for (int clients : sizes.clientCounts()) {
            Samples ratio = serviceRate.get(clients).dividedBy(rawRate.get(clients));
            section.row("service, " + clients + " clients: throughput", serviceRate.get(clients), "commands/s", "%.0f");
            section.row("raw JDBC, " + clients + " clients: throughput", rawRate.get(clients), "commands/s", "%.0f");
            if (clients == maxClients) {
                section.row("ratio service / raw, " + clients + " clients", ratio, "", "%.3f",
                        Report.Target.atLeast(0.5, ">= 0.5"));
            } else {
                section.row("ratio service / raw, " + clients + " clients", ratio, "", "%.3f");
            }
            section.row("service, " + clients + " clients: p50 latency", serviceP50.get(clients), "ms", "%.1f");
            section.row("service, " + clients + " clients: p99 latency", serviceP99.get(clients), "ms", "%.1f");
            section.row("raw JDBC, " + clients + " clients: p50 latency", rawP50.get(clients), "ms", "%.2f");
            section.row("raw JDBC, " + clients + " clients: p99 latency", rawP99.get(clients), "ms", "%.2f");
        }
        section.note(String.format(Locale.ROOT, "Each point: %s of closed-loop clients (each sends its next command "
                        + "when the previous one answered) after a %s warm-up, %d repetitions, service and raw runs "
                        + "interleaved. "
                        + "Each client writes only its own metrics: it proposes a metric in its own team, links a "
                        + "hypothesis, records %d correlations (inconclusive, refuting, supporting), and starts over; "
                        + "commands mix %d%% proposals, %d%% links, %d%% correlations. Every service command is "
                        + "answered "
                        + "after its projection (read-your-writes). The raw baseline appends the same serialized rows "
                        + "(a proposal: the team's `TeamMetricAdmitted` and the metric's `MetricProposed`) into "
                        + "`domain_event_entry` of a copy of the service's freshly migrated schema, one transaction "
                        + "per "
                        + "command, one connection per client. Non-2xx answers from the service: %d.",
                Report.duration(sizes.throughputRun()), Report.duration(sizes.warmUp()), sizes.repetitions(),
                CommandScript.CORRELATIONS,
                100 / (2 + CommandScript.CORRELATIONS), 100 / (2 + CommandScript.CORRELATIONS),
                100 * CommandScript.CORRELATIONS / (2 + CommandScript.CORRELATIONS), failures));
        StringBuilder cpu = new StringBuilder("Where the CPU went (last repetition; cores busy on average, of "
                + Machine.cores() + "), and PostgreSQL's work per service command (`pg_stat_database` of the "
                + "service's database):\n\n| run | commands/s | machine | service JVM | bench JVM | rest (PostgreSQL, "
                + "others) | service CPU per command | commits / command | rows inserted / command | rows updated / "
                + "command | rows fetched / command |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int clients : sizes.clientCounts()) {
            LoadRun s = lastService.get(clients);
            DatabaseActivity a = lastActivity.get(clients);
            double n = Math.max(1, s.operations() + s.failures());
            cpu.append(String.format(Locale.ROOT, "| service, %d clients | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f ms "
                            + "| %.1f | %.1f | %.1f | %.1f |\n", clients, s.throughput(), s.cpu().machineCores(),
                    s.cpu().serviceCores(), s.cpu().benchCores(), s.cpu().otherCores(),
                    1000 * s.cpu().serviceCores() * s.seconds() / n, a.commits() / n, a.inserted() / n,
                    a.updated() / n, a.fetched() / n));
            LoadRun r = lastRaw.get(clients);
            cpu.append(String.format(Locale.ROOT, "| raw JDBC, %d clients | %.0f | %.2f | | %.2f | %.2f | | | | | |\n",
                    clients, r.throughput(), r.cpu().machineCores(), r.cpu().benchCores(), r.cpu().otherCores()));
        }
        section.note(cpu.toString());
        if (profile != null) {
            section.note(Profiles.markdown(String.format(Locale.ROOT, "Profile of the service during an extra "
                    + "%d-client run after the measured ones (not in the figures; %.0f commands/s while recording)",
                    maxClients, profiledRun.throughput()), profile, bench.work));
        }

        Report.Section startSection = bench.report.section("5. Start-up and resident memory");
        startSection.row("start-up to first successful request (migrated schema)", startupSamples(), "s", "%.2f");
        startSection.row("RSS after start", rssAfterStart, "MiB", "%.0f");
        startSection.row("RSS after the command load (after each round of 1, 4, 16 clients)", rssAfterLoad, "MiB",
                "%.0f");
        startSection.note(String.format(Locale.ROOT, "Start-up is the time from spawning `java -jar quarkus-run.jar` "
                + "to the first 200 answer of `GET /api/v1/metrics` (polled every 20 ms), on an empty database whose "
                + "schema is already migrated. The very first start on the fresh database, which also runs the "
                + "Flyway migrations: %.2f s. RSS is `VmRSS` of the service's process (`/proc/<pid>/status`), with "
                + "the JVM's default heap sizing (no `-Xmx`; 1/4 of the machine's RAM).", firstStart));
    }

    private Samples startupSamples() {
        return startup;
    }
}
