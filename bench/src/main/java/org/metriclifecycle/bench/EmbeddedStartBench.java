package org.metriclifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Figure 7: start-up to the first answer and idle resident memory of the embedded default (H2, every setting left
 * as shipped), as a new user first runs it: in a new, empty data directory, then again on the directory it made.
 */
final class EmbeddedStartBench {

    private final BenchContext bench;
    private final Samples firstStart = new Samples();
    private final Samples restart = new Samples();
    private final Samples rssIdle = new Samples();
    private final Samples rssAfterStart = new Samples();

    EmbeddedStartBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        BenchContext.say("== Figure 7: start-up and idle memory of the embedded default (H2)");
        for (int rep = 1; rep <= sizes.repetitions(); rep++) {
            Path data = Files.createTempDirectory("bench-h2-");
            try {
                Map<String, String> settings = Map.of("metrics.data-dir", data.toString());
                try (ServiceProcess service = bench.startEmbedded(settings, "h2-new-" + rep)) {
                    firstStart.add(service.startup().toNanos() / 1e9);
                }
                try (ServiceProcess service = bench.startEmbedded(settings, "h2-again-" + rep)) {
                    restart.add(service.startup().toNanos() / 1e9);
                    rssAfterStart.add(Mib.of(service.rssAfterStart()));
                    Thread.sleep(sizes.idleSettle().toMillis());
                    rssIdle.add(Mib.of(service.rssNow()));
                }
            } finally {
                delete(data);
            }
        }
        report();
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void report() {
        Sizes sizes = bench.sizes;
        Report.Section section = bench.report.section("7. Start-up and memory of the embedded default (H2)");
        section.row("start-up to first answer, new data directory", firstStart, "s", "%.2f",
                Report.Target.below(3.0, "< 3 s"));
        section.row("start-up to first answer, existing data directory", restart, "s", "%.2f");
        section.row("RSS at the first answer", rssAfterStart, "MiB", "%.0f");
        section.row("RSS idle, " + Report.duration(sizes.idleSettle()) + " after the first answer", rssIdle, "MiB",
                "%.0f", Report.Target.below(300, "< 300 MiB"));
        section.note(String.format(Locale.ROOT, "`java -jar quarkus-run.jar -Dmetrics.data-dir=<new temporary "
                + "directory> -Dquarkus.http.port=<free port>` and nothing else: H2, the demo users, the JVM's "
                + "defaults (no `-Xmx`: a quarter of the machine's RAM as the heap's limit). Start-up is the time "
                + "from spawning the JVM to the first 200 of `GET /api/v1/metrics?size=1` (as `ada`, polled every "
                + "20 ms); the first start in a new directory creates the database and runs the migrations. Then the "
                + "service is stopped and started again on the same directory, and its `VmRSS` "
                + "(`/proc/<pid>/status`) read at the first answer and %s later. %d repetitions, each in a new "
                + "directory.", Report.duration(sizes.idleSettle()), sizes.repetitions()));
    }
}
