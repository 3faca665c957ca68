package org.metriclifecycle.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.query.metric.MetricFilter;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;

/**
 * Writes a batch of folded streams into the read models in one transaction (the caller's connection, auto-commit
 * off, READ COMMITTED), so that writers running meanwhile lose nothing.
 * <p>
 * <b>The protocol.</b> A writer's transaction appends its events, then its projection takes the stream's view row
 * <em>with a row lock</em>, folds its events onto it, updates the row, adds history rows (or changes the team's webhook
 * subscriptions, after the team's row lock) and commits. It takes the lock one of two ways: usually with one {@code
 * UPDATE ... WHERE last_sequence = ? AND document = ?} of the view it wrote last, folded in memory ({@code
 * JpaMetricViewStore.saveIfStill}, {@code JpaTeamViewStore.saveIfStill}), which locks the row and, after waiting for a
 * lock, checks its condition against the row as the holder committed it (PostgreSQL's READ COMMITTED re-evaluates an
 * UPDATE's condition on the updated row, and H2 2.4 does the same); when that matches no row, or it knows no such view,
 * it reads the row with {@code SELECT ... FOR UPDATE} ({@code findForUpdate}) and folds onto what it read. Below, "the
 * writer's lock" is whichever of the two it took. For a batch, this writer first leaves out, without locking anything,
 * the streams whose view row, history rows and last committed sequence already agree with their fold ({@code
 * notYetRebuilt} says why that is safe); for the others it:
 * <ol>
 * <li>locks the batch's existing view rows ({@code SELECT ... FOR UPDATE}, in id order);</li>
 * <li>reads each stream's highest committed sequence from {@code domain_event_entry} and folds whatever the scan
 * lacks (events committed after the scan passed, or a stream the scan saw with a gap, folded again from 0);</li>
 * <li>inserts the view rows that are missing and updates the existing ones that differ from their fold in place
 * (never delete and insert: a writer waiting on the old row's lock must find the new version of the same row);
 * history rows are compared with the folded ones and only those that differ, are missing or belong to no event are
 * deleted or inserted (webhook subscriptions: deleted and inserted);</li>
 * <li>commits.</li>
 * </ol>
 * Why a writer's event cannot be lost or applied twice, for a stream whose view row exists: the row lock orders the
 * writer's projection and the batch. (a) The writer's projection locked first: the batch waits in step 1 until the
 * writer commits, and step 2, a later statement, sees its events (READ COMMITTED takes a snapshot per statement, on
 * PostgreSQL and H2), so the rebuilt row includes them. (b) The batch locked first: the writer's events are not yet
 * committed, or not even appended, so step 2 does not see them; the writer's lock waits for the batch's commit and then
 * meets the rebuilt row (PostgreSQL's row locks follow the row's update chain to the committed version, which is why
 * step 3 updates in place): a conditional UPDATE applies only if the rebuilt row is exactly the view the writer folded
 * onto, else it writes nothing and the writer reads the rebuilt row. Its last sequence is below the writer's events, so
 * the projection folds them onto it and appends their history rows after the rebuilt ones. Either way the row ends as a
 * fold of every committed event, once each. A writer on several streams takes their locks in event order while the
 * batch takes them in id order; the database breaks such a deadlock by aborting one side, and a batch that loses is
 * retried ({@link #retryable(SQLException)}).
 * <p>
 * A stream whose view row is missing (deleted behind the service's back) has no row to lock: the batch inserts it
 * with a plain INSERT. If a writer inserted it first (its projection caught the stream up itself), the batch's insert
 * fails on the primary key and the whole batch is retried, then finding the row and locking it. If the batch inserts
 * first, a writer that read "no row" just before fails on the same key and its command is rolled back, nothing
 * stored: a write on a damaged stream in the milliseconds of its batch may be refused once (the client's retry, or
 * an Idempotency-Key replay, then succeeds). No view row is ever wrong.
 * <p>
 * On H2 the same statements run (FOR UPDATE row locks, READ COMMITTED); a writer waits for a batch's locks up to
 * H2's lock timeout, so batches are kept small (a few hundred streams).
 */
public final class RebuildWriter {

    /** Most bind parameters in one multi-row INSERT (PostgreSQL allows 65,535; H2 has no small limit). */
    private static final int MAX_PARAMETERS = 4000;

    /** How a batch's new rows reach a table (all columns given, values bound in order). */
    @FunctionalInterface
    public interface Inserts {
        void insert(Connection connection, String table, String columns, List<Object[]> rows) throws SQLException;
    }

    /** Multi-row INSERT statements, on every database (the default; PostgreSQL may use COPY instead). */
    public static final Inserts MULTI_ROW_INSERTS = RebuildWriter::insert;

    private final ObjectMapper json;
    private final EventStoreReads store;
    private final Inserts inserts;

    public RebuildWriter(ObjectMapper json, EventStoreReads store) {
        this(json, store, MULTI_ROW_INSERTS);
    }

    public RebuildWriter(ObjectMapper json, EventStoreReads store, Inserts inserts) {
        this.json = Objects.requireNonNull(json, "json");
        this.store = Objects.requireNonNull(store, "store");
        this.inserts = Objects.requireNonNull(inserts, "inserts");
    }

    /**
     * Writes the metrics' views and history.
     *
     * @return the events folded here (missing from the scan)
     */
    public long writeMetrics(Connection connection, List<MetricStreamFold> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<MetricStreamFold> folds = notYetRebuilt(connection, batch);
        if (folds.isEmpty()) {
            return 0;
        }
        folds.sort((a, b) -> a.metricId().compareTo(b.metricId()));
        List<String> ids = folds.stream().map(MetricStreamFold::metricId).toList();
        Map<String, StoredView> existing = readViews(connection, ids, true);

        long caughtUp = 0;
        Map<String, Long> last = store.lastSequences(connection, ids);
        for (MetricStreamFold fold : folds) {
            caughtUp += catchUp(connection, fold.metricId(), last.get(fold.metricId()), fold.broken(),
                    fold::restart, fold::lastSequence, fold::apply);
        }

        List<Object[]> missing = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (MetricStreamFold fold : folds) {
            MetricView view = fold.view();
            if (view == null) {
                continue; // no events at all: the orphan sweep removes any row
            }
            String document = write(view);
            String searchText = MetricFilter.searchText(view.name(), view.description());
            Object[] row = {view.metricId(), view.team(), view.owner(), view.status().name(),
                    timestamp(view.proposedAt()), fold.lastSequence(), document, searchText, view.replacedBy()};
            StoredView stored = existing.get(view.metricId());
            if (stored == null) {
                missing.add(row);
            } else if (!stored.matches(fold.lastSequence(), document, searchText, view.replacedBy())) {
                updates.add(new Object[]{row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[0]});
            }
            history.addAll(historyRows(fold));
        }
        inserts.insert(connection, "metric_view",
                "metric_id, team, owner, status, proposed_at, last_sequence, document, search_text, replaced_by",
                missing);
        replaceChangedHistory(connection, ids, history);
        update(connection, "UPDATE metric_view SET team = ?, owner = ?, status = ?, proposed_at = ?,"
                + " last_sequence = ?, document = ?, search_text = ?, replaced_by = ? WHERE metric_id = ?", updates);
        return caughtUp;
    }

    /**
     * The streams of the batch whose rows do not already equal their fold, found without taking a lock: on a store
     * whose views are intact (the usual rebuild) locking every view row would write every one of them (a row lock is
     * written into the row) for nothing. A stream is left alone only when its view row, then its history rows, then
     * the event store's last sequence, read in that order, all agree with the fold: a writer's commit is atomic
     * (events, view and history together), so one that committed after the view was read shows up in the history
     * read or in the last sequence, and the stream goes to the locked path; one that commits after the last read
     * folds its events onto a row that was already right, as it does at any other time.
     */
    private List<MetricStreamFold> notYetRebuilt(Connection connection, List<MetricStreamFold> batch)
            throws SQLException {
        List<MetricStreamFold> rest = new ArrayList<>();
        List<MetricStreamFold> judged = new ArrayList<>(batch.size());
        for (MetricStreamFold fold : batch) {
            (fold.broken() || fold.view() == null ? rest : judged).add(fold);
        }
        if (judged.isEmpty()) {
            return rest;
        }
        Map<String, StoredView> stored = readViews(connection,
                judged.stream().map(MetricStreamFold::metricId).toList(), false);
        List<MetricStreamFold> candidates = new ArrayList<>();
        for (MetricStreamFold fold : judged) {
            StoredView row = stored.get(fold.metricId());
            MetricView view = fold.view();
            boolean same = row != null && row.matches(fold.lastSequence(), write(view),
                    MetricFilter.searchText(view.name(), view.description()), view.replacedBy());
            (same ? candidates : rest).add(fold);
        }
        if (candidates.isEmpty()) {
            return rest;
        }
        List<String> candidateIds = candidates.stream().map(MetricStreamFold::metricId).toList();
        Map<String, Object[]> history = readHistory(connection, candidateIds);
        Set<String> differing = new HashSet<>();
        for (MetricStreamFold fold : candidates) {
            for (Object[] row : historyRows(fold)) {
                Object[] was = history.remove(historyKey((String) row[0], (Long) row[1]));
                if (was == null || !sameHistoryRow(was, row)) {
                    differing.add(fold.metricId());
                }
            }
        }
        for (Object[] orphan : history.values()) {
            differing.add((String) orphan[0]);
        }
        Map<String, Long> last = store.lastSequences(connection, candidateIds);
        for (MetricStreamFold fold : candidates) {
            Long committed = last.get(fold.metricId());
            if (differing.contains(fold.metricId()) || committed == null || committed != fold.lastSequence()) {
                rest.add(fold);
            }
        }
        return rest;
    }

    private static List<Object[]> historyRows(MetricStreamFold fold) {
        List<Object[]> rows = new ArrayList<>(fold.history().size());
        for (HistoryRow entry : fold.history()) {
            rows.add(new Object[]{fold.metricId(), entry.sequence(), entry.type(), timestamp(entry.occurredAt()),
                    entry.actor(), entry.reason(), entry.changes()});
        }
        return rows;
    }

    /** Writes the teams' views and webhook subscriptions; returns the events folded here. */
    public long writeTeams(Connection connection, List<TeamStreamFold> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<TeamStreamFold> folds = new ArrayList<>(batch);
        folds.sort((a, b) -> a.team().compareTo(b.team()));
        List<String> teams = folds.stream().map(TeamStreamFold::team).toList();
        Set<String> existing = lock(connection, "team_view", "team", teams);

        long caughtUp = 0;
        Map<String, Long> last = store.lastSequences(connection,
                folds.stream().map(TeamStreamFold::aggregateId).toList());
        for (TeamStreamFold fold : folds) {
            caughtUp += catchUp(connection, fold.aggregateId(), last.get(fold.aggregateId()), fold.broken(),
                    fold::restart, fold::lastSequence, fold::apply);
        }

        List<Object[]> missing = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> subscriptions = new ArrayList<>();
        for (TeamStreamFold fold : folds) {
            if (fold.view() == null) {
                continue;
            }
            String document = write(fold.view());
            if (existing.contains(fold.team())) {
                updates.add(new Object[]{fold.lastSequence(), document, fold.team()});
            } else {
                missing.add(new Object[]{fold.team(), fold.lastSequence(), document});
            }
            for (WebhookSubscriptionView s : fold.subscriptions()) {
                subscriptions.add(new Object[]{s.subscriptionId(), s.team(), s.url(), s.format(),
                        String.join(",", s.events()), s.secretFingerprint(), timestamp(s.subscribedAt()),
                        s.subscribedBy()});
            }
        }
        inserts.insert(connection, "team_view", "team, last_sequence, document", missing);
        delete(connection, "webhook_subscription", "team", teams);
        inserts.insert(connection, "webhook_subscription", "subscription_id, team, url, format, event_kinds,"
                + " secret_fingerprint, subscribed_at, subscribed_by", subscriptions);
        update(connection, "UPDATE team_view SET last_sequence = ?, document = ? WHERE team = ?", updates);
        return caughtUp;
    }

    /**
     * Removes read-model rows of streams that have no event at all (rows made behind the service's back). Safe with
     * writers: a committed view row's stream has committed events, and rows committed after the statement began are
     * not visible to it.
     *
     * @return rows removed
     */
    public int deleteOrphans(Connection connection) throws SQLException {
        String noStream = " WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.aggregate_identifier = ";
        int removed = 0;
        try (var sql = connection.createStatement()) {
            removed += sql.executeUpdate("DELETE FROM metric_history" + noStream + "metric_history.metric_id)");
            removed += sql.executeUpdate("DELETE FROM metric_view" + noStream + "metric_view.metric_id)");
            removed += sql.executeUpdate("DELETE FROM webhook_subscription" + noStream
                    + "'team:' || webhook_subscription.team)");
            removed += sql.executeUpdate("DELETE FROM team_view" + noStream + "'team:' || team_view.team)");
        }
        return removed;
    }

    /** Whether a failed batch should simply run again: it lost a lock or key race with a writer. */
    public static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // serialization failure, deadlock, unique violation (a missing row inserted by a writer meanwhile),
                // H2's lock timeout
                if (state.equals("40001") || state.equals("40P01") || state.equals("23505")
                        || state.equals("HYT00")) {
                    return true;
                }
            }
        }
        return false;
    }

    private interface Fold {
        boolean apply(RebuildEvent event);
    }

    private long catchUp(Connection connection, String aggregateId, Long committedLast, boolean broken,
                         Runnable restart, java.util.function.LongSupplier folded, Fold fold) throws SQLException {
        if (broken) {
            restart.run();
        }
        if (committedLast == null || committedLast <= folded.getAsLong()) {
            return 0;
        }
        long applied = 0;
        for (RebuildEvent event : store.eventsAfter(connection, aggregateId, folded.getAsLong())) {
            if (fold.apply(event)) {
                applied++;
            }
        }
        return applied;
    }

    /** A metric view row as the batch found it under its lock. */
    private record StoredView(long lastSequence, String document, String searchText, String replacedBy) {
        boolean matches(long sequence, String folded, String foldedSearchText, String foldedReplacedBy) {
            return lastSequence == sequence && document.equals(folded) && foldedSearchText.equals(searchText)
                    && Objects.equals(foldedReplacedBy, replacedBy);
        }
    }

    /**
     * Reads what the batch's existing view rows hold, and with {@code lock} locks them (in id order): a row that
     * already equals its fold is left alone, so a rebuild over healthy views writes next to nothing.
     */
    private static Map<String, StoredView> readViews(Connection connection, List<String> ids, boolean lock)
            throws SQLException {
        Map<String, StoredView> found = new HashMap<>();
        String sql = "SELECT metric_id, last_sequence, document, search_text, replaced_by FROM metric_view"
                + " WHERE metric_id IN (" + marks(ids.size()) + ")" + (lock ? " ORDER BY metric_id FOR UPDATE" : "");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new StoredView(rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getString(5)));
                }
            }
        }
        return found;
    }

    /**
     * Makes the batch's history rows equal the folded ones, writing only where they differ: history rows are written
     * once and never change, so on a store whose history is intact (the usual case: a rebuild repairs views) reading
     * them back costs the database far less than deleting and inserting every one of them again. A row that differs
     * in any column, or that no event accounts for, is deleted; a folded row that is missing (or was deleted for
     * differing) is inserted.
     *
     * @param folded rows as {@code metric_id, sequence_number, event_type, occurred_at, actor, reason, changes}
     */
    private void replaceChangedHistory(Connection connection, List<String> ids, List<Object[]> folded)
            throws SQLException {
        Map<String, Object[]> stored = readHistory(connection, ids);
        List<Object[]> stale = new ArrayList<>();
        List<Object[]> fresh = new ArrayList<>();
        for (Object[] row : folded) {
            Object[] was = stored.remove(historyKey((String) row[0], (Long) row[1]));
            if (was == null) {
                fresh.add(row);
            } else if (!sameHistoryRow(was, row)) {
                stale.add(new Object[]{row[0], row[1]});
                fresh.add(row);
            }
        }
        for (Object[] orphan : stored.values()) {
            stale.add(new Object[]{orphan[0], orphan[1]});
        }
        update(connection, "DELETE FROM metric_history WHERE metric_id = ? AND sequence_number = ?", stale);
        inserts.insert(connection, "metric_history",
                "metric_id, sequence_number, event_type, occurred_at, actor, reason, changes", fresh);
    }

    /** The stored history rows of these metrics, by {@link #historyKey}, columns as the folded rows hold them. */
    private static Map<String, Object[]> readHistory(Connection connection, List<String> ids) throws SQLException {
        Map<String, Object[]> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT metric_id, sequence_number, event_type,"
                + " occurred_at, actor, reason, changes FROM metric_history WHERE metric_id IN ("
                + marks(ids.size()) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime occurredAt = rows.getObject(4, OffsetDateTime.class);
                    stored.put(historyKey(rows.getString(1), rows.getLong(2)), new Object[]{rows.getString(1),
                            rows.getLong(2), rows.getString(3), occurredAt, rows.getString(5), rows.getString(6),
                            rows.getString(7)});
                }
            }
        }
        return stored;
    }

    private static String historyKey(String metricId, long sequence) {
        return metricId + '#' + sequence;
    }

    /** Instants compare at the database's precision (microseconds): what was stored is the fold's value, rounded. */
    private static boolean sameHistoryRow(Object[] stored, Object[] folded) {
        Instant storedAt = ((OffsetDateTime) stored[3]).toInstant();
        Instant foldedAt = ((OffsetDateTime) folded[3]).toInstant();
        return Objects.equals(stored[2], folded[2])
                && storedAt.truncatedTo(ChronoUnit.MICROS).equals(foldedAt.truncatedTo(ChronoUnit.MICROS))
                && Objects.equals(stored[4], folded[4]) && Objects.equals(stored[5], folded[5])
                && Objects.equals(stored[6], folded[6]);
    }

    private static Set<String> lock(Connection connection, String table, String key, List<String> ids)
            throws SQLException {
        Set<String> found = new HashSet<>();
        String sql = "SELECT " + key + " FROM " + table + " WHERE " + key + " IN (" + marks(ids.size()) + ") ORDER BY "
                + key + " FOR UPDATE";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private static void delete(Connection connection, String table, String key, Collection<String> ids)
            throws SQLException {
        List<String> list = new ArrayList<>(ids);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE " + key + " IN (" + marks(list.size()) + ")")) {
            for (int i = 0; i < list.size(); i++) {
                delete.setString(i + 1, list.get(i));
            }
            delete.executeUpdate();
        }
    }

    /** Multi-row INSERTs of up to {@link #MAX_PARAMETERS} parameters each: one round trip per chunk. */
    private static void insert(Connection connection, String table, String columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        int perStatement = Math.max(1, MAX_PARAMETERS / width);
        String tuple = "(" + marks(width) + ")";
        PreparedStatement full = null;
        try {
            for (int start = 0; start < rows.size(); start += perStatement) {
                List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + perStatement));
                PreparedStatement statement;
                if (chunk.size() == perStatement) {
                    if (full == null) {
                        full = connection.prepareStatement(insertSql(table, columns, tuple, perStatement));
                    }
                    statement = full;
                } else {
                    statement = connection.prepareStatement(insertSql(table, columns, tuple, chunk.size()));
                }
                int index = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        bind(statement, index++, value);
                    }
                }
                statement.executeUpdate();
                if (statement != full) {
                    statement.close();
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private static String insertSql(String table, String columns, String tuple, int rows) {
        return "INSERT INTO " + table + " (" + columns + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, tuple));
    }

    private static void update(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(update, i + 1, row[i]);
                }
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else {
            statement.setObject(index, value);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view not writable as JSON", e);
        }
    }
}
