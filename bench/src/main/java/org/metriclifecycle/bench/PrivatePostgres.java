package org.metriclifecycle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the bench's own, for counting statements: {@code pg_stat_statements} needs
 * {@code shared_preload_libraries} and so a server start, which the shared server on 5432 (other people's tests use
 * it) must not be given. Same binaries as the shared server, default settings but for the extension; initialized
 * in a temporary directory, on a free port on 127.0.0.1, trust authentication, and removed at the end. Run as root
 * (as here) it runs the server as the {@code postgres} user.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean root;
    private boolean running;
    private Path keptLog;

    private PrivatePostgres(Path bin, Path data, int port, boolean root) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.root = root;
    }

    /** Starts a new cluster, or explains why it cannot (then statements are reported as not measured). */
    static PrivatePostgres start(Path work) throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = Files.createTempDirectory("bench-pg-");
        PrivatePostgres server = new PrivatePostgres(bin, data, freePort(), root);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-private-postgres"));
        if (root) {
            server.exec(List.of("chown", "postgres", data.toString()), false);
        }
        server.exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U",
                "postgres", "-E", "UTF8", "--locale=C.UTF-8"), true);
        server.keptLog = work.resolve("logs/private-postgres.log");
        Path log = data.resolve("server.log");
        server.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w",
                "-t", "60", "-o", "-c port=" + server.port + " -c listen_addresses=127.0.0.1 "
                        + "-c unix_socket_directories=" + data + " -c shared_preload_libraries=pg_stat_statements "
                        + "-c pg_stat_statements.track=all -c pg_stat_statements.max=10000", "start"), true);
        server.running = true;
        return server;
    }

    /** The server as the bench's {@link PostgresServer} (databases created and dropped the same way). */
    PostgresServer server() {
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/", "postgres", "");
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new BenchFailure("no initdb under /usr/lib/postgresql/*/bin"));
        } catch (IOException e) {
            throw new BenchFailure("no PostgreSQL binaries under /usr/lib/postgresql: " + e.getMessage());
        }
    }

    private void exec(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgres && root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(command);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new BenchFailure(String.join(" ", line) + " failed: " + output.strip());
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (running) {
                running = false;
                exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"),
                        true);
            }
            if (keptLog != null && Files.isRegularFile(data.resolve("server.log"))) {
                Files.createDirectories(keptLog.getParent());
                Files.copy(data.resolve("server.log"), keptLog, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(data)) {
                exec(List.of("rm", "-rf", data.toString()), false);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("bench: could not stop the private PostgreSQL in " + data + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
