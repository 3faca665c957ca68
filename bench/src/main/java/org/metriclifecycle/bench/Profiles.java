package org.metriclifecycle.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A flight recording's summary as a few small tables in RESULTS.md. */
final class Profiles {

    private Profiles() {
    }

    static String markdown(String title, FlightRecording.Profile profile, Path work) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(title).append("**: ").append(profile.samples())
                .append(" CPU samples of Java code (`jdk.ExecutionSample`); recording kept in `")
                .append(relative(work, profile.file())).append("` (open with JDK Mission Control or `jfr print`).\n\n");
        out.append("By layer (the topmost frame on each sampled stack that belongs to a known library; "
                + "JDK code is counted for whoever called it):\n\n");
        table(out, "layer", profile.layers());
        out.append("\nBy the innermost method of the service's own code on the stack (inclusive):\n\n");
        table(out, "service method", profile.sites());
        out.append("\nBy thread pool:\n\n");
        table(out, "threads", profile.threads());
        out.append("\nHottest methods (self time):\n\n");
        table(out, "method", profile.methods());
        return out.toString();
    }

    private static void table(StringBuilder out, String what, List<FlightRecording.Share> shares) {
        out.append("| ").append(what).append(" | samples | share |\n| --- | ---: | ---: |\n");
        for (FlightRecording.Share share : shares) {
            out.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f%% |\n", share.name(), share.samples(),
                    share.percent()));
        }
    }

    private static String relative(Path work, Path file) {
        try {
            return work.getParent().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
