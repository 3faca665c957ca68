package org.metriclifecycle.bench;

import java.nio.file.Path;

/**
 * Prints the summary RESULTS.md shows for a flight recording of the service, for recordings taken by hand (e.g.
 * with BENCH_SERVICE_JAVA_OPTS=-XX:StartFlightRecording=...):
 * {@code java -cp "bench/target/bench.jar:bench/target/lib/*" org.metriclifecycle.bench.SummarizeProfile FILE.jfr}
 */
public final class SummarizeProfile {

    private SummarizeProfile() {
    }

    public static void main(String[] args) throws Exception {
        for (String file : args) {
            Path path = Path.of(file).toAbsolutePath();
            System.out.println(Profiles.markdown(path.getFileName().toString(), FlightRecording.summarize(path),
                    path.getParent()));
        }
    }
}
