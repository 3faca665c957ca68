package org.metriclifecycle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 1 (commands over HTTP at 1 and 16 clients, beside two raw JDBC baselines run in the same repetitions: B0,
 * one event insert per transaction, and B1, a correlation command's logical work in one transaction) and figure 2
 * (an idle instance's commits).
 */
final class CommandThroughputBench {

    /** The three ways of doing the script's commands, in the order each repetition runs them. */
    private static final List<String> KINDS = List.of("service", "B1", "B0");
    private static final Duration MAX_WARM_UP = Duration.ofSeconds(180);

    private final BenchContext bench;
    private final Map<String, Map<Integer, Samples>> rate = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Samples>> p50 = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Samples>> p99 = new LinkedHashMap<>();
    private final Map<String, Map<Integer, LoadRun>> last = new LinkedHashMap<>();
    private final Map<String, Map<Integer, DatabaseActivity>> activity = new LinkedHashMap<>();
    private final Map<Integer, Samples> commitsPerCommand = new LinkedHashMap<>();
    private final Map<Integer, Samples> cpuPerCommand = new LinkedHashMap<>();
    private final Samples idleCommits = new Samples();
    private final Samples idleCpu = new Samples();
    private long failures;
    private double warmUpSeconds;
    private double warmUpCompiling;
    private FlightRecording.Profile profile;
    private LoadRun profiledRun;

    CommandThroughputBench(BenchContext bench) {
        this.bench = bench;
        for (String kind : KINDS) {
            rate.put(kind, new LinkedHashMap<>());
            p50.put(kind, new LinkedHashMap<>());
            p99.put(kind, new LinkedHashMap<>());
            last.put(kind, new LinkedHashMap<>());
            activity.put(kind, new LinkedHashMap<>());
        }
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        BenchContext.say("== Figures 1 and 2: commands over HTTP vs raw JDBC (B0, B1); an idle instance");
        Database database = bench.postgres.create("commands");
        bench.start(database).stop();
        // The raw baselines' own copies of the freshly migrated schema: same tables, same indexes, no service.
        Database raw0 = bench.postgres.copyOf(database, "raw0");
        Database raw1 = bench.postgres.copyOf(database, "raw1");
        Map<String, Database> databases = Map.of("service", database, "B0", raw0, "B1", raw1);
        ServiceProcess service = bench.start(database);
        try {
            idle(service, database);
            warmUp(service, databases);
            int maxClients = sizes.clientCounts().get(sizes.clientCounts().size() - 1);
            for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                for (int clients : sizes.clientCounts()) {
                    Map<String, DatabaseActivity> before = new LinkedHashMap<>();
                    for (String kind : KINDS) {
                        before.put(kind, DatabaseActivity.read(databases.get(kind)));
                    }
                    Map<String, LoadRun> runs = new LinkedHashMap<>();
                    for (String kind : KINDS) {
                        runs.put(kind, load(kind, service, databases.get(kind), "r" + rep, clients,
                                sizes.throughputRun()));
                    }
                    // The raw clients closed their connections (which reports their counters); the service's pooled
                    // connections report theirs within 10 s of going idle, and the raw runs took longer than that.
                    for (String kind : KINDS) {
                        activity.get(kind).put(clients, DatabaseActivity.read(databases.get(kind))
                                .since(before.get(kind)));
                    }
                    LoadRun s = runs.get("service");
                    double commands = Math.max(1, s.operations() + s.failures());
                    commitsPerCommand.computeIfAbsent(clients, c -> new Samples())
                            .add(activity.get("service").get(clients).commits() / commands);
                    cpuPerCommand.computeIfAbsent(clients, c -> new Samples())
                            .add(1000 * s.cpu().serviceCores() * s.seconds() / commands);
                    failures += s.failures();
                }
            }
            // Profiled on a run of its own, after the measured ones: a recording costs the service some CPU.
            FlightRecording recording = FlightRecording.start(service.pid(),
                    bench.work.resolve("profiles/commands-" + maxClients + ".jfr"));
            profiledRun = load("service", service, database, "p", maxClients, sizes.throughputRun());
            profile = recording.stop();
        } finally {
            service.stop();
            bench.postgres.drop(raw0);
            bench.postgres.drop(raw1);
            bench.postgres.drop(database);
        }
        report();
    }

    /**
     * Until the service's JIT has settled: a freshly started JVM spends minutes compiling (its C2 thread took 0.7 of
     * a core during 8 s runs after a 5 s warm-up, more than the commands themselves), and the figures are about the
     * service in its steady state. Slices of load at the run's client counts, in turn, until the compiler threads used
     * under 2 % of a slice, and at least {@code warmUp}, at most {@link #MAX_WARM_UP}. B0 and B1 are plain JDBC in the
     * bench's own JVM: their fixed warm-up settles them.
     */
    private void warmUp(ServiceProcess service, Map<String, Database> databases) throws Exception {
        Sizes sizes = bench.sizes;
        long started = System.nanoTime();
        int slice = 0;
        double compiling = 1;
        while (System.nanoTime() - started < MAX_WARM_UP.toNanos()) {
            int clients = sizes.clientCounts().get(slice++ % sizes.clientCounts().size());
            long compilerBefore = ProcessStats.compilerCpuNanos(service.pid());
            long sliceStart = System.nanoTime();
            load("service", service, databases.get("service"), "w" + slice, clients, sizes.warmUp());
            compiling = (double) (ProcessStats.compilerCpuNanos(service.pid()) - compilerBefore)
                    / (System.nanoTime() - sliceStart);
            if (compiling < 0.02 && slice >= sizes.clientCounts().size()) {
                break;
            }
        }
        warmUpSeconds = (System.nanoTime() - started) / 1e9;
        warmUpCompiling = compiling;
        BenchContext.say("  warm-up of the service: %.0f s in %d slices of %s until its JIT used %.1f %% of a core",
                warmUpSeconds, slice, Report.duration(sizes.warmUp()), 100 * compiling);
        for (String kind : List.of("B1", "B0")) {
            load(kind, service, databases.get(kind), "w", 4, sizes.warmUp());
        }
    }

    /**
     * Figure 2: the service's commits while nobody asks it anything, read from the server's {@code postgres} database
     * (so the reads add nothing), after it has been up for a while.
     */
    private void idle(ServiceProcess service, Database database) throws InterruptedException {
        Sizes sizes = bench.sizes;
        BenchContext.say("  idle: %s to settle, then %d windows of %s", Report.duration(sizes.idleSettle()),
                sizes.repetitions(), Report.duration(sizes.idleWindow()));
        Thread.sleep(sizes.idleSettle().toMillis());
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            DatabaseActivity before = DatabaseActivity.read(database);
            long cpuBefore = service.cpuNanos();
            long started = System.nanoTime();
            Thread.sleep(sizes.idleWindow().toMillis());
            DatabaseActivity during = DatabaseActivity.read(database).since(before);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMillisPerSecond = (service.cpuNanos() - cpuBefore) / 1e6 / seconds;
            idleCommits.add(during.commits() / seconds);
            idleCpu.add(cpuMillisPerSecond);
            BenchContext.say("  idle window %d: %d commits in %.1f s = %.2f /s; service CPU %.1f ms/s", rep,
                    during.commits(), seconds, during.commits() / seconds, cpuMillisPerSecond);
        }
    }

    private LoadRun load(String kind, ServiceProcess service, Database database, String tag, int clients,
                         Duration duration) throws Exception {
        LoadRun run;
        String prefix = kind.toLowerCase(Locale.ROOT) + tag + "c" + clients;
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String team = prefix + "k" + i;
                Step step = switch (kind) {
                    case "service" -> new HttpCommandClient(service.api(), team);
                    case "B0" -> new JdbcAppendClient(database, team);
                    default -> new JdbcCommandClient(database, team);
                };
                opened.add((AutoCloseable) step);
                steps.add(step);
            }
            run = LoadDriver.run(clients, duration, kind.equals("service") ? service.pid() : -1, steps::get);
        } finally {
            for (AutoCloseable client : opened) {
                client.close();
            }
        }
        if (!tag.startsWith("w") && !tag.equals("p")) {
            rate.get(kind).computeIfAbsent(clients, c -> new Samples()).add(run.throughput());
            p50.get(kind).computeIfAbsent(clients, c -> new Samples()).add(run.p50Millis());
            p99.get(kind).computeIfAbsent(clients, c -> new Samples()).add(run.p99Millis());
            last.get(kind).put(clients, run);
        }
        BenchContext.say("  %-8s %2d clients: %7.1f commands/s, p50 %6.2f ms, p99 %6.2f ms, %d failed; CPU cores: "
                        + "machine %.2f, service %.2f, bench %.2f", kind, run.clients(), run.throughput(),
                run.p50Millis(), run.p99Millis(), run.failures(), run.cpu().machineCores(), run.cpu().serviceCores(),
                run.cpu().benchCores());
        return run;
    }

    private static String noun(int clients) {
        return clients == 1 ? "client" : "clients";
    }

    private void report() {
        Sizes sizes = bench.sizes;
        int minClients = sizes.clientCounts().get(0);
        int maxClients = sizes.clientCounts().get(sizes.clientCounts().size() - 1);
        Report.Section section = bench.report.section("1. Commands over HTTP, beside raw JDBC baselines B0 and B1");
        for (int clients : sizes.clientCounts()) {
            String at = clients + " " + noun(clients);
            Samples service = rate.get("service").get(clients);
            section.row("service, " + at + ": throughput", service, "commands/s", "%.0f");
            section.row("B1 (raw command), " + at + ": throughput", rate.get("B1").get(clients),
                    "commands/s", "%.0f");
            section.row("B0 (raw insert), " + at + ": throughput", rate.get("B0").get(clients),
                    "commands/s", "%.0f");
            section.row("ratio service / B1, " + at + ": throughput",
                    service.dividedBy(rate.get("B1").get(clients)), "", "%.3f",
                    clients == maxClients ? Report.Target.atLeast(0.5, ">= 0.5") : null);
            section.row("ratio service / B0, " + at + ": throughput",
                    service.dividedBy(rate.get("B0").get(clients)), "", "%.3f");
            section.row("service, " + at + ": p50 latency", p50.get("service").get(clients), "ms",
                    "%.2f");
            section.row("service, " + at + ": p99 latency", p99.get("service").get(clients), "ms",
                    "%.2f");
            section.row("B1, " + at + ": p50 latency", p50.get("B1").get(clients), "ms", "%.2f");
            section.row("B1, " + at + ": p99 latency", p99.get("B1").get(clients), "ms", "%.2f");
            section.row("B0, " + at + ": p50 latency", p50.get("B0").get(clients), "ms", "%.2f");
            section.row("ratio service / B1, " + at + ": p50 latency",
                    p50.get("service").get(clients).dividedBy(p50.get("B1").get(clients)), "", "%.2f",
                    clients == minClients ? Report.Target.atMost(2.0, "<= 2") : null);
            section.row("service, " + at + ": commits per command (`pg_stat_database`)",
                    commitsPerCommand.get(clients), "", "%.2f", Report.Target.atMost(1.05, "1 (<= 1.05)"));
            section.row("service, " + at + ": service CPU per command", cpuPerCommand.get(clients),
                    "ms", "%.2f");
        }
        section.note(String.format(Locale.ROOT, "Each point: %s of closed-loop clients (each sends its next command "
                        + "when the previous one answered) after a warm-up (the service: slices of %s at each client "
                        + "count until its JIT compiler threads used under 2 %% of a core, here %.0f s, ending at "
                        + "%.1f %%; B1 and B0: %s at 4 clients), %d repetitions; in each "
                        + "repetition the service, B1 and B0 run one after the other at each client count, and every "
                        + "ratio is taken within a repetition. Each client writes only its own metrics: it proposes a "
                        + "metric in its own team, links a hypothesis, records %d correlations (inconclusive, "
                        + "refuting, supporting), and starts over; commands mix %d%% proposals, %d%% links, %d%% "
                        + "correlations, and B0 and B1 follow the same script. **B0** appends the command's event "
                        + "rows (a proposal: the team's `TeamMetricAdmitted` and the metric's `MetricProposed`), "
                        + "serialized as the service serializes them, into `domain_event_entry`, one transaction per "
                        + "command. **B1** does a command's logical work in one transaction: it reads the metric's "
                        + "stream (every column, by aggregate, in sequence order), inserts the event rows and their "
                        + "`event_chain` links (SHA-256 as the service computes it), inserts or updates the "
                        + "`metric_view` row (JSON document, status, last sequence) and inserts a `metric_history` "
                        + "row: 6 statements and a commit (7 for a proposal). Each runs on its own copy of the "
                        + "service's freshly migrated schema, one connection per client. Commits per command: the "
                        + "`xact_commit` delta of the service's database over the run (read from the `postgres` "
                        + "database after B1 and B0 ran, so the pool's counters have been reported) divided by the "
                        + "commands sent; it includes the idle instance's own commits during the run (figure 2). "
                        + "Non-2xx answers from the service: %d.",
                Report.duration(sizes.throughputRun()), Report.duration(sizes.warmUp()), warmUpSeconds,
                100 * warmUpCompiling, Report.duration(sizes.warmUp()), sizes.repetitions(),
                CommandScript.CORRELATIONS, 100 / (2 + CommandScript.CORRELATIONS),
                100 / (2 + CommandScript.CORRELATIONS),
                100 * CommandScript.CORRELATIONS / (2 + CommandScript.CORRELATIONS),
                failures));
        StringBuilder cpu = new StringBuilder("Where the CPU went (last repetition; cores busy on average, of "
                + Machine.cores() + "), and PostgreSQL's work per command (`pg_stat_database` of each run's "
                + "database):\n\n| run | commands/s | machine | service JVM | bench JVM | rest (PostgreSQL, "
                + "others) | service CPU per command | commits / command | rows inserted / command | rows updated / "
                + "command | rows fetched / command |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int clients : sizes.clientCounts()) {
            for (String kind : KINDS) {
                LoadRun s = last.get(kind).get(clients);
                DatabaseActivity a = activity.get(kind).get(clients);
                double n = Math.max(1, s.operations() + s.failures());
                cpu.append(String.format(Locale.ROOT, "| %s, %d %s | %.0f | %.2f | %s | %.2f | %.2f | %s | %.2f "
                                + "| %.2f | %.2f | %.2f |\n", kind, clients, noun(clients), s.throughput(),
                        s.cpu().machineCores(),
                        kind.equals("service") ? String.format(Locale.ROOT, "%.2f", s.cpu().serviceCores()) : "",
                        s.cpu().benchCores(), s.cpu().otherCores(), kind.equals("service")
                                ? String.format(Locale.ROOT, "%.2f ms", 1000 * s.cpu().serviceCores() * s.seconds() / n)
                                : "", a.commits() / n, a.inserted() / n, a.updated() / n, a.fetched() / n));
            }
        }
        section.note(cpu.toString());
        if (profile != null) {
            section.note(Profiles.markdown(String.format(Locale.ROOT, "Profile of the service during an extra "
                    + "%d-client run after the measured ones (not in the figures; %.0f commands/s while recording)",
                    maxClients, profiledRun.throughput()), profile, bench.work));
        }

        Report.Section idle = bench.report.section("2. An idle instance on PostgreSQL");
        idle.row("commits per second of an idle instance", idleCommits, "commits/s", "%.2f",
                Report.Target.atMost(1.0, "<= 1"));
        idle.row("service CPU while idle", idleCpu, "ms/s", "%.1f");
        idle.note(String.format(Locale.ROOT, "The service started on a freshly migrated PostgreSQL database, "
                        + "answered its first request, was left alone for %s, then its database's `xact_commit` "
                        + "(`pg_stat_database`, read over a connection to the server's `postgres` database, so the "
                        + "reads add nothing to it) was read at the start and end of %d consecutive windows of %s "
                        + "with no request. Backends report their counters at most once a second and an idle one up "
                        + "to 10 s late, so a window's edges are blurred by a few seconds' worth of commits, about "
                        + "equally at both ends. Autovacuum's transactions in that database would count too.",
                Report.duration(sizes.idleSettle()), sizes.repetitions(), Report.duration(sizes.idleWindow())));
    }
}
