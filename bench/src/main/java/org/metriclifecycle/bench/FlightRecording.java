package org.metriclifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of the running service, started and stopped from outside with {@code jcmd} (no
 * restart, no agent), then read back here: where the service's CPU samples fall, by layer and by method. The
 * default settings (a sample every 20 ms per running thread): the "profile" settings cost a saturated 2-core machine
 * a large share of its throughput.
 */
final class FlightRecording {

    /** Layers by package prefix, in the order they are tried; a sample counts for the first layer on its stack. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
        LAYERS.put("io.agroal.", "connection pool (Agroal)");
        LAYERS.put("com.arjuna.", "JTA transactions (Narayana)");
        LAYERS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        LAYERS.put("org.hibernate.validator.", "Bean Validation");
        LAYERS.put("org.hibernate.", "Hibernate ORM");
        LAYERS.put("org.axonframework.", "Axon Framework");
        LAYERS.put("com.github.kagkarlsson.", "deadlines (db-scheduler)");
        LAYERS.put("org.metriclifecycle.", "service code");
        LAYERS.put("io.smallrye.", "SmallRye (config, metrics, context)");
        LAYERS.put("io.micrometer.", "Micrometer");
        LAYERS.put("org.jboss.resteasy.", "REST (RESTEasy Reactive)");
        LAYERS.put("io.quarkus.", "Quarkus");
        LAYERS.put("io.vertx.", "HTTP (Vert.x/Netty)");
        LAYERS.put("io.netty.", "HTTP (Vert.x/Netty)");
        LAYERS.put("java.util.regex.", "JDK regex");
        LAYERS.put("sun.security.", "JDK crypto");
        LAYERS.put("java.security.", "JDK crypto");
    }

    private final long pid;
    private final Path file;

    private FlightRecording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static FlightRecording start(long pid, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        jcmd(pid, "JFR.start", "name=bench", "settings=default", "filename=" + file.toAbsolutePath());
        return new FlightRecording(pid, file);
    }

    /** Stops the recording and summarizes its execution samples; null if the recording could not be read. */
    Profile stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return summarize(file);
    }

    record Share(String name, long samples, double percent) {
    }

    record Profile(Path file, long samples, List<Share> layers, List<Share> sites, List<Share> methods,
                   List<Share> threads) {
    }

    static Profile summarize(Path file) throws IOException {
        Map<String, Long> layers = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> sites = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame top = frames.get(0);
            methods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
            layers.merge(layer(frames), 1L, Long::sum);
            sites.merge(site(frames), 1L, Long::sum);
            threads.merge(threadGroup(event), 1L, Long::sum);
        }
        return new Profile(file, samples, top(layers, samples, 12), top(sites, samples, 15), top(methods, samples, 15),
                top(threads, samples, 8));
    }

    /** The layer of the topmost frame that belongs to a known one: who is spending the CPU, library or JDK. */
    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                if (type.startsWith(layer.getKey())) {
                    return layer.getValue();
                }
            }
        }
        return "JDK / other";
    }

    /**
     * The innermost method of the service's own code on the stack (inclusive time): which of its steps the CPU
     * was spent under, whatever library did the work.
     */
    private static String site(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("org.metriclifecycle.") && !type.contains("$$")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return "(no service code on the stack)";
    }

    private static String threadGroup(RecordedEvent event) {
        Object thread = event.getValue("sampledThread");
        String name = thread instanceof jdk.jfr.consumer.RecordedThread t && t.getJavaName() != null
                ? t.getJavaName() : "?";
        // executor-thread-12 and executor-thread-3 are one pool
        return name.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N");
    }

    private static List<Share> top(Map<String, Long> counts, long total, int limit) {
        List<Share> shares = new ArrayList<>();
        counts.forEach((name, count) -> shares.add(new Share(name, count, 100.0 * count / Math.max(1, total))));
        shares.sort(Comparator.comparingLong(Share::samples).reversed());
        return shares.subList(0, Math.min(limit, shares.size()));
    }

    private static void jcmd(long pid, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new BenchFailure("jcmd " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
