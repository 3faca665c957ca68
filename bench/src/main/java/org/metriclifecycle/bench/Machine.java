package org.metriclifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the figures were measured on: hardware, kernel, JVM, and the versions of the service's stack. */
final class Machine {

    private Machine() {
    }

    static String cpuModel() {
        return cpuinfo("model name");
    }

    static long cores() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("processor")).count();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return "?";
    }

    static String kernel() {
        return read("/proc/sys/kernel/osrelease");
    }

    static String os() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "?";
    }

    static String loadAverage() {
        String load = read("/proc/loadavg");
        String[] parts = load.split(" ");
        return parts.length >= 3 ? parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)" : load;
    }

    /** The 1-minute load average now, NaN if unknown. */
    static double loadAverageOneMinute() {
        try {
            return Double.parseDouble(read("/proc/loadavg").split(" ")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
    }

    /** The version of a library as packaged in the service's quarkus-app (file names carry it). */
    static String packagedVersion(Path quarkusApp, String artifactPrefix) {
        Pattern name = Pattern.compile(Pattern.quote(artifactPrefix) + "-(\\d[^-]*(?:-[A-Za-z0-9.]+)?)\\.jar");
        try (Stream<Path> jars = Files.list(quarkusApp.resolve("lib/main"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            for (String file : names) {
                Matcher matcher = name.matcher(file);
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "?";
    }

    private static String cpuinfo(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
