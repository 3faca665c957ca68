package org.metriclifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark harness: measures the packaged service against fresh PostgreSQL databases and writes RESULTS.md.
 * Run it with {@code bench/run} (which builds what it needs); see bench/README.md.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> options = new HashSet<>(List.of(args));
        for (String option : options) {
            if (!List.of("--quick", "--commands", "--stream", "--stored", "--embedded").contains(option)) {
                System.err.println("usage: bench/run [--quick] [--commands] [--stream] [--stored] [--embedded]\n"
                        + "  --quick     small sizes, to try the harness (writes bench/target/RESULTS-quick.md)\n"
                        + "  --commands  only figures 1 and 2; --stream only 3 and 4; --stored only 5 and 6;\n"
                        + "  --embedded  only figure 7 (several may be given)\n"
                        + "  --skip-build  (bench/run) use the jars already built");
                System.exit(2);
            }
        }
        boolean quick = options.remove("--quick");
        boolean all = options.isEmpty();
        Sizes sizes = quick ? Sizes.quick() : Sizes.full();
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/bench-run");
        Path results = quick || !all ? root.resolve("bench/target/RESULTS-" + (quick ? "quick" : "partial") + ".md")
                : root.resolve("bench/RESULTS.md");
        Path quarkusApp = root.resolve("deploy/target/quarkus-app");
        Files.createDirectories(work);

        try (PostgresServer postgres = new PostgresServer()) {
            String postgresVersion = postgres.version();
            Report report = new Report();
            Instant started = Instant.now();
            String loadBefore = Machine.loadAverage();
            Samples loadDuring = new Samples();
            Thread sampler = new Thread(() -> {
                try {
                    while (true) {
                        loadDuring.add(Machine.loadAverageOneMinute());
                        Thread.sleep(10_000);
                    }
                } catch (InterruptedException stop) {
                    // the run is over
                }
            }, "load-average-sampler");
            sampler.setDaemon(true);
            sampler.start();
            BenchContext bench = new BenchContext(sizes, postgres, quarkusApp.resolve("quarkus-run.jar"), work, report);
            BenchContext.say("bench (%s sizes) against PostgreSQL %s; load average %s", sizes.name(), postgresVersion,
                    loadBefore);
            if (all || options.contains("--commands")) {
                new CommandThroughputBench(bench).run();
                new StatementsBench(bench).run();
            }
            if (all || options.contains("--stream")) {
                new LongStreamBench(bench).run();
                new GapLoadBench(bench).run();
            }
            if (all || options.contains("--stored")) {
                new StoredEventsBench(bench).run();
            }
            if (all || options.contains("--embedded")) {
                new EmbeddedStartBench(bench).run();
            }
            Duration took = Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
            sampler.interrupt();
            sampler.join();
            // Joined: the sampler's values are visible here.
            String during = loadDuring.isEmpty() ? "?" : String.format(java.util.Locale.ROOT,
                    "median %.2f, min–max %.2f – %.2f (1-minute average, sampled every 10 s)",
                    loadDuring.median(), loadDuring.min(), loadDuring.max());
            String header = header(sizes, postgres, postgresVersion, quarkusApp, started, took, loadBefore,
                    Machine.loadAverage(), during);
            report.header(header);
            // The explanation of the figures is written by people, after a run; it is kept beside the harness so
            // that a new run keeps it (its numbers may then differ from the tables above: the tables are current).
            Path analysis = root.resolve("bench/ANALYSIS.md");
            if (Files.isRegularFile(analysis)) {
                report.footer(Files.readString(analysis));
            }
            Files.writeString(results, report.markdown());
            BenchContext.say("done in %s: %s", Report.duration(took), root.relativize(results));
        } catch (BenchFailure e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String header(Sizes sizes, PostgresServer postgres, String postgresVersion, Path quarkusApp,
                                  Instant started, Duration took, String loadBefore, String loadAfter,
                                  String loadDuring)
            throws IOException {
        return "# Benchmark results\n\n"
                + "Written by `bench/run`" + ("full".equals(sizes.name()) ? "" : " (" + sizes.name() + " sizes)")
                + " on " + started.truncatedTo(ChronoUnit.SECONDS) + ", in " + Report.duration(took) + ", from commit `"
                + Git.describe(quarkusApp.getParent().getParent()) + "`. Each figure is the median over its runs, "
                + "with min–max beside it; see bench/README.md for what each one measures and how.\n\n"
                + "| | |\n| --- | --- |\n"
                + "| machine | " + Machine.cores() + " cores (" + Machine.cpuModel() + "), " + Machine.memory()
                + " RAM |\n"
                + "| system | " + Machine.os() + ", Linux " + Machine.kernel() + " |\n"
                + "| JVM (service and bench) | " + Machine.jvm() + " |\n"
                + "| Quarkus | " + Machine.packagedVersion(quarkusApp, "io.quarkus.quarkus-core") + " |\n"
                + "| Axon Framework | " + Machine.packagedVersion(quarkusApp, "org.axonframework.axon-messaging")
                + " |\n"
                + "| PostgreSQL | " + postgresVersion + " on the same machine (shared_buffers " + postgres.setting(
                "shared_buffers") + ", synchronous_commit " + postgres.setting("synchronous_commit") + ", fsync "
                + postgres.setting("fsync") + ") |\n"
                + "| PostgreSQL JDBC driver | " + Machine.packagedVersion(quarkusApp, "org.postgresql.postgresql")
                + " |\n"
                + "| load average | before " + loadBefore + "; after " + loadAfter + " |\n"
                + "| load average during the run | " + loadDuring + " |\n\n"
                + "Service, PostgreSQL and the load generator share the machine's cores; the CPU tables below say "
                + "how the cores were split. The \"rest\" column counts every other process, other people's builds "
                + "included: this machine is shared, and the load average above shows whether others were busy.";
    }
}
