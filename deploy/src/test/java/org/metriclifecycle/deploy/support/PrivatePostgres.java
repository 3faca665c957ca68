package org.metriclifecycle.deploy.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of one test's own (initdb into a temporary directory, its own port and socket directory), so
 * a test can stop and start its database without touching the machine's shared server. Deleted on close.
 * <p>
 * PostgreSQL refuses to run as root: when the tests run as root, its commands run as the {@code postgres} user
 * ({@code runuser}) on a directory given to that user. Without the server binaries (Debian's
 * {@code /usr/lib/postgresql/<version>/bin}, or {@code -Dmetrics.test.pg.bin}) the test is skipped.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String BINARIES = "/usr/lib/postgresql";

    private final Path bin;
    private final Path home;
    private final Path data;
    private final int port;
    private final Map<String, String> keys = ServiceKeys.provision();
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path home, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** A new cluster, running; skips the calling test (a JUnit assumption) where PostgreSQL's binaries are missing. */
    public static PrivatePostgres start() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL server binaries (initdb, pg_ctl) not found under "
                + BINARIES + "/<version>/bin nor -Dmetrics.test.pg.bin: skipping the test that restarts its own "
                + "PostgreSQL (apt-get install postgresql)");
        String uid = output(List.of("id", "-u"));
        boolean root = uid != null && uid.trim().equals("0");
        Assumptions.assumeTrue(!root || output(List.of("id", "-u", "postgres")) != null, "running as root, and "
                + "PostgreSQL refuses root, but there is no postgres user to run it as: skipping the test that "
                + "restarts its own PostgreSQL");
        Path home = Files.createTempDirectory("private-postgres-");
        PrivatePostgres postgres = new PrivatePostgres(bin.get(), home, freePort(), root);
        try {
            if (root) {
                run(List.of("chown", "postgres:postgres", home.toString()), home);
            }
            postgres.pg("initdb", "-D", postgres.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-sync");
            postgres.startServer();
            return postgres;
        } catch (IOException | RuntimeException | InterruptedException e) {
            postgres.close();
            throw e;
        }
    }

    /** Starts the stopped server and waits until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", data.toString(), "-l", home.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Stops the server the way an operator restarting it does ({@code pg_ctl stop -m fast}): sessions are cut. */
    public void stopServer() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** The settings that point the packaged service at a database of this cluster (trust auth: no password). */
    public Map<String, String> serviceConfig(String database) {
        Map<String, String> config = new HashMap<>(Map.of(
                "metrics.db", "postgresql",
                "metrics.db.url", url(database),
                "metrics.db.username", "postgres"));
        // Made beforehand, as an operator must on PostgreSQL; the same for every start on this cluster.
        config.putAll(keys);
        return config;
    }

    /** The server's own log so far (copied next to a test's other logs on failure). */
    public void copyLogTo(Path target) throws IOException {
        Path log = home.resolve("server.log");
        if (Files.exists(log)) {
            Files.createDirectories(target.getParent());
            Files.copy(log, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private void pg(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command, home);
    }

    private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        // Read the output as it comes, so a chatty command never blocks on a full pipe.
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n"
                    + new String(output, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** What the command printed, or null when it failed. */
    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? printed : null;
    }

    /** The newest installed version's bin directory that has initdb and pg_ctl. */
    private static Optional<Path> binaries() throws IOException {
        String configured = System.getProperty("metrics.test.pg.bin");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(PrivatePostgres::complete);
        }
        Path root = Path.of(BINARIES);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin")).filter(PrivatePostgres::complete)
                    .max(Comparator.comparingDouble(PrivatePostgres::version));
        }
    }

    private static boolean complete(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static double version(Path bin) {
        try {
            return Double.parseDouble(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
