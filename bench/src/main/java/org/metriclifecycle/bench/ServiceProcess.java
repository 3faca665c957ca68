package org.metriclifecycle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code quarkus-run.jar}) as a child process, the way an operator runs it. Start-up is
 * timed from spawning the JVM to the first successful API request.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final ServiceApi api;
    private final Path log;
    private final Duration startup;
    private final long rssAfterStart;

    private ServiceProcess(Process process, ServiceApi api, Path log, Duration startup) {
        this.process = process;
        this.api = api;
        this.log = log;
        this.startup = startup;
        this.rssAfterStart = ProcessStats.rssBytes(process.pid());
    }

    /**
     * Starts the service on the given settings (system properties) and waits for {@code GET /api/v1/metrics} to
     * answer 200. Extra JVM options come from BENCH_SERVICE_JAVA_OPTS (e.g. a heap size, or a flight recording).
     */
    static ServiceProcess start(Path jar, Map<String, String> settings, Path log) throws IOException,
            InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new BenchFailure("no packaged service at " + jar + ": build it first (bench/run does)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String extra = System.getenv().getOrDefault("BENCH_SERVICE_JAVA_OPTS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Files.createDirectories(log.getParent());
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // Interrupted with Ctrl-C, the bench must not leave a service running behind it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-service-" + process.pid()));
        ServiceApi api = new ServiceApi("http://127.0.0.1:" + port);
        long deadline = spawned + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BenchFailure("the service exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            try {
                if (api.get("/api/v1/metrics?size=1").status() == 200) {
                    Duration startup = Duration.ofNanos(System.nanoTime() - spawned);
                    return new ServiceProcess(process, api, log, startup);
                }
            } catch (IOException notListeningYet) {
                // the port opens late in start-up
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new BenchFailure("the service did not answer within 3 minutes; see " + log);
    }

    ServiceApi api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    Duration startup() {
        return startup;
    }

    long rssAfterStart() {
        return rssAfterStart;
    }

    long rssNow() {
        return ProcessStats.rssBytes(process.pid());
    }

    long cpuNanos() {
        return ProcessStats.cpuNanos(process.pid());
    }

    Path log() {
        return log;
    }

    /** A graceful stop (SIGTERM): the processors release their segments, as in production. */
    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
