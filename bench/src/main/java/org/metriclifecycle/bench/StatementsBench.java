package org.metriclifecycle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Statements per command, counted by PostgreSQL's {@code pg_stat_statements} on a private server of the bench's own
 * ({@link PrivatePostgres}): the service runs the command script at one client for a fixed number of commands, and so
 * does B1 on a copy of the schema; every statement the server executed for that database is summed by text. One
 * execution of a JDBC batch of n rows counts n times (the server executes the statement n times).
 */
final class StatementsBench {

    private static final String STATEMENTS = "SELECT query, sum(calls) FROM pg_stat_statements "
            + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?) GROUP BY query ORDER BY 2 DESC";

    record Counted(String query, long calls) {
    }

    private final BenchContext bench;
    private final Map<String, List<Counted>> counted = new LinkedHashMap<>();
    private final Map<String, Long> commands = new LinkedHashMap<>();
    private final Map<String, Long> commits = new LinkedHashMap<>();
    private String notMeasured;
    private String version = "";

    StatementsBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        BenchContext.say("== Figure 1, statements: pg_stat_statements on a private PostgreSQL, %d commands at 1 client",
                sizes.statementCommands());
        PrivatePostgres cluster;
        try {
            cluster = PrivatePostgres.start(bench.work);
        } catch (BenchFailure | java.io.IOException e) {
            notMeasured = "a private PostgreSQL could not be started (" + e.getMessage() + ")";
            BenchContext.say("  not measured: %s", notMeasured);
            report();
            return;
        }
        try (cluster; PostgresServer server = cluster.server()) {
            version = server.version();
            try (Connection connection = server.connect("postgres");
                 PreparedStatement create = connection.prepareStatement(
                         "CREATE EXTENSION IF NOT EXISTS pg_stat_statements")) {
                create.execute();
            }
            Database database = server.create("statements");
            bench.start(database).stop();
            Database raw = server.copyOf(database, "statements_raw");
            try (ServiceProcess service = bench.start(database)) {
                try (HttpCommandClient warm = new HttpCommandClient(service.api(), "stw")) {
                    for (int i = 0; i < 50; i++) {
                        warm.run();
                    }
                }
                reset(database);
                DatabaseActivity before = DatabaseActivity.read(database);
                long failed = 0;
                try (HttpCommandClient client = new HttpCommandClient(service.api(), "st")) {
                    for (int i = 0; i < sizes.statementCommands(); i++) {
                        if (!client.run()) {
                            failed++;
                        }
                    }
                }
                if (failed > 0) {
                    throw new BenchFailure(failed + " commands failed while counting statements");
                }
                counted.put("service", read(database));
                commands.put("service", (long) sizes.statementCommands());
                // The pool's connections report their counters within 10 s of going idle.
                Thread.sleep(11_000);
                commits.put("service", DatabaseActivity.read(database).since(before).commits());
            }
            try (JdbcCommandClient b1 = new JdbcCommandClient(raw, "stb")) {
                reset(raw);
                DatabaseActivity before = DatabaseActivity.read(raw);
                for (int i = 0; i < sizes.statementCommands(); i++) {
                    b1.run();
                }
                counted.put("B1", read(raw));
                b1.close();
                commits.put("B1", DatabaseActivity.read(raw).since(before).commits());
                commands.put("B1", (long) sizes.statementCommands());
            }
        }
        report();
    }

    private static void reset(Database database) throws Exception {
        try (Connection connection = database.connectToServer();
             PreparedStatement reset = connection.prepareStatement("SELECT pg_stat_statements_reset()")) {
            reset.execute();
        }
    }

    private static List<Counted> read(Database database) throws Exception {
        List<Counted> rows = new ArrayList<>();
        try (Connection connection = database.connectToServer();
             PreparedStatement query = connection.prepareStatement(STATEMENTS)) {
            query.setString(1, database.name());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new Counted(row.getString(1), row.getLong(2)));
                }
            }
        }
        return rows;
    }

    /** BEGIN, COMMIT, ROLLBACK, SET, SHOW, savepoints: transaction control and session settings, not work. */
    static boolean control(String query) {
        String q = query.strip().toUpperCase(Locale.ROOT);
        return q.startsWith("BEGIN") || q.startsWith("COMMIT") || q.startsWith("ROLLBACK") || q.startsWith("SET ")
                || q.startsWith("SHOW ") || q.startsWith("SAVEPOINT") || q.startsWith("RELEASE")
                || q.startsWith("START TRANSACTION") || q.startsWith("DISCARD") || q.startsWith("RESET");
    }

    private void report() {
        Report.Section section = bench.report.section("1. Commands over HTTP, beside raw JDBC baselines B0 and B1");
        if (notMeasured != null) {
            section.note("**Statements per command: not measured**: " + notMeasured + ".");
            return;
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "Statements per command, counted by "
                + "`pg_stat_statements` (`track = all`) on a private PostgreSQL %s of the bench's own (the shared "
                + "server cannot load the extension without a restart), same binaries and defaults: %d commands of "
                + "the script at one client after 50 warm-up commands, then the same number by B1 on a copy of the "
                + "schema. Every statement the server executed for the database counts, a JDBC batch of n rows as "
                + "n; \"work\" leaves out transaction control and session settings (BEGIN, COMMIT, ROLLBACK, SET, "
                + "SHOW, savepoints).\n\n| run | statements / command | work statements / command | transaction "
                + "control / command | of which `BEGIN` | of which `COMMIT` | commits / command "
                + "(`pg_stat_database`) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n", version,
                bench.sizes.statementCommands()));
        for (String kind : counted.keySet()) {
            double n = commands.get(kind);
            long all = 0;
            long control = 0;
            long begin = 0;
            long commit = 0;
            for (Counted c : counted.get(kind)) {
                all += c.calls();
                if (control(c.query())) {
                    control += c.calls();
                }
                String q = c.query().strip().toUpperCase(Locale.ROOT);
                begin += q.startsWith("BEGIN") ? c.calls() : 0;
                commit += q.startsWith("COMMIT") ? c.calls() : 0;
            }
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", kind,
                    all / n, (all - control) / n, control / n, begin / n, commit / n, commits.get(kind) / n));
        }
        section.note(table.toString());
        StringBuilder top = new StringBuilder("The service's statements by text, per command (the 20 most frequent):"
                + "\n\n| per command | statement |\n| ---: | --- |\n");
        List<Counted> service = counted.getOrDefault("service", List.of());
        double n = commands.getOrDefault("service", 1L);
        for (Counted c : service.subList(0, Math.min(20, service.size()))) {
            String text = c.query().replaceAll("\\s+", " ").replace("|", "\\|");
            if (text.length() > 160) {
                text = text.substring(0, 157) + "...";
            }
            top.append(String.format(Locale.ROOT, "| %.2f | `%s` |\n", c.calls() / n, text));
        }
        section.note(top.toString());
    }
}
