package org.metriclifecycle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What PostgreSQL did for one database over a run, from its cumulative statistics ({@code pg_stat_database}):
 * commits and rows written and read. Divided by the operations of the run it tells how much database work one
 * command costs (statements are counted apart, by {@link StatementsBench} on a private server).
 * <p>
 * A backend reports its counters when a transaction ends, at most once a second, and an idle one up to 10 s later:
 * read a database some seconds after its clients went quiet or closed.
 */
record DatabaseActivity(long commits, long inserted, long updated, long deleted, long fetched, long returned) {

    private static final String READ = "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, tup_fetched, "
            + "tup_returned FROM pg_stat_database WHERE datname = ?";

    /**
     * The database's counters, read over a connection to the server's {@code postgres} database, so that reading them
     * adds no commit to the database measured.
     */
    static DatabaseActivity read(Database database) {
        try (Connection connection = database.connectToServer()) {
            // Statistics reach the shared view when a backend flushes them (at most once a second when busy).
            try (PreparedStatement clear = connection.prepareStatement("SELECT pg_stat_clear_snapshot()")) {
                clear.execute();
            }
            try (PreparedStatement query = connection.prepareStatement(READ)) {
                query.setString(1, database.name());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new DatabaseActivity(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                            row.getLong(5), row.getLong(6));
                }
            }
        } catch (SQLException e) {
            return new DatabaseActivity(-1, -1, -1, -1, -1, -1);
        }
    }

    DatabaseActivity since(DatabaseActivity before) {
        return new DatabaseActivity(commits - before.commits, inserted - before.inserted, updated - before.updated,
                deleted - before.deleted, fetched - before.fetched, returned - before.returned);
    }
}
