package org.metriclifecycle.query.metric.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.jdbc.Sql;
import org.metriclifecycle.query.metric.ChangesJson;
import org.metriclifecycle.query.metric.FieldChange;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.MetricFilter;
import org.metriclifecycle.query.metric.MetricPage;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.metric.StoredMetricView;

/**
 * Keeps views and history in the {@code metric_view} and {@code metric_history} tables. Listings filter and sort on
 * the columns and answer from the JSON documents, so a view never has to be reassembled from rows.
 * <p>
 * A command's own reads and writes of its metric's row (find, lock, save, history) are plain JDBC on the
 * transaction's connection: each is one statement, and Hibernate's entity bookkeeping around them was a fifth of a
 * command's CPU (bench/ANALYSIS.md). Listings and history stay JPQL. Every method expects the caller's transaction to
 * be active; the entity manager is a transaction-scoped proxy and the data source hands out the connection enlisted
 * in that transaction.
 */
public class JpaMetricViewStore implements MetricViewStore {

    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };
    private static final String SELECT_ROW = "SELECT document, last_sequence FROM metric_view WHERE metric_id = ?";
    /** A view row's columns, bound by {@link #bindRow} in this order (the key last, as UPDATE's WHERE needs it). */
    private static final String UPDATE_VIEW = "UPDATE metric_view SET team = ?, owner = ?, status = ?,"
            + " proposed_at = ?, last_sequence = ?, document = ?, search_text = ?, replaced_by = ? WHERE metric_id = ?";
    private static final String INSERT_VIEW = "INSERT INTO metric_view (team, owner, status, proposed_at,"
            + " last_sequence, document, search_text, replaced_by, metric_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_HISTORY = "INSERT INTO metric_history (metric_id, sequence_number, event_type,"
            + " occurred_at, actor, reason, changes) ";
    /** The history row of a view written by the same statement's {@code WITH}, bound by {@link #bindHistory}. */
    private static final String HISTORY_FROM_WRITTEN_VIEW = INSERT_HISTORY + "SELECT metric_id, CAST(? AS BIGINT), ?,"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?, ? FROM written";
    private static final int PARSED_KEPT = 4096;

    private final EntityManager em;
    private final ObjectMapper json;
    private final DataSource rows;
    private final Sql sql;
    private final boolean historyWithView;
    /**
     * The last document read or written per metric with its parsed view and last sequence: a row whose document is
     * the same string is not parsed again, and {@link #saveIfStill} writes over it only if the row still holds that
     * document at that sequence. Always checked against the row, never trusted alone, so a rolled-back write cannot
     * leave a wrong view anywhere.
     */
    private final Map<String, Parsed> parsed = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > PARSED_KEPT;
        }
    });

    private record Parsed(String document, MetricView view, long lastSequence) {
    }

    /**
     * @param historyWithView whether the database runs an UPDATE inside {@code WITH} (PostgreSQL; H2 does not), so
     *                        a write's view and history row go in one statement
     */
    public JpaMetricViewStore(EntityManager em, ObjectMapper json, DataSource rows, boolean historyWithView) {
        this.historyWithView = historyWithView;
        this.em = Objects.requireNonNull(em, "em");
        this.json = Objects.requireNonNull(json, "json");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.sql = new Sql(rows);
    }

    @Override
    public Optional<StoredMetricView> find(String metricId) {
        return row(metricId, SELECT_ROW);
    }

    /** {@code SELECT ... FOR UPDATE}: a rebuild's batch holding the row makes this wait, then read the rebuilt row. */
    @Override
    public Optional<StoredMetricView> findForUpdate(String metricId) {
        return row(metricId, SELECT_ROW + " FOR UPDATE");
    }

    private Optional<StoredMetricView> row(String metricId, String query) {
        return sql.first("metric view " + metricId + " not readable",
                row -> new StoredMetricView(parsed(metricId, row.getString(1), row.getLong(2)), row.getLong(2)),
                query, metricId);
    }

    private MetricView parsed(String metricId, String document, long lastSequence) {
        MetricView view = parsed(metricId, document);
        parsed.put(metricId, new Parsed(document, view, lastSequence));
        return view;
    }

    /** Without the row's sequence: parsed once, but not remembered as a guess for {@link #saveIfStill}. */
    private MetricView parsed(String metricId, String document) {
        Parsed known = parsed.get(metricId);
        return known != null && known.document().equals(document) ? known.view() : read(document);
    }

    @Override
    public Optional<StoredMetricView> lastKnown(String metricId) {
        Parsed known = parsed.get(metricId);
        return known == null ? Optional.empty() : Optional.of(new StoredMetricView(known.view(), known.lastSequence()));
    }

    /**
     * {@code UPDATE ... WHERE last_sequence = ? AND document = ?}: the update locks the row like
     * {@link #findForUpdate} (a rebuild's batch holding it makes this wait, and the condition is then checked
     * against the rebuilt row), so the rebuild's protocol holds for both paths. On PostgreSQL the history row is
     * inserted by the same statement, from the update's result (so only when it matched): one round trip.
     */
    @Override
    public boolean saveIfStill(StoredMetricView expected, MetricView view, String document, long lastSequence,
                               HistoryEntry entry) {
        Parsed known = parsed.get(view.metricId());
        if (known == null || known.view() != expected.view() || known.lastSequence() != expected.lastSequence()) {
            return false;
        }
        String update = UPDATE_VIEW + " AND last_sequence = ? AND document = ?";
        try (Connection connection = rows.getConnection();
             PreparedStatement statement = connection.prepareStatement(historyWithView
                     ? "WITH written AS (" + update + " RETURNING metric_id) " + HISTORY_FROM_WRITTEN_VIEW
                     : update)) {
            bindRow(statement, view, lastSequence, document);
            statement.setLong(10, known.lastSequence());
            statement.setString(11, known.document());
            if (historyWithView) {
                bindHistory(statement, 12, entry);
            }
            if (statement.executeUpdate() == 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new PersistenceException("metric view " + view.metricId() + " not written", e);
        }
        if (!historyWithView) {
            appendHistory(view.metricId(), entry);
        }
        parsed.put(view.metricId(), new Parsed(document, view, lastSequence));
        return true;
    }

    /**
     * On PostgreSQL, {@code INSERT ... ON CONFLICT DO NOTHING} with the history row inserted from its result, in one
     * statement (a rebuild's batch inserting the same row makes it wait, then do nothing); elsewhere the store cannot
     * insert without failing the transaction on a row that exists, so it says it cannot tell.
     */
    @Override
    public boolean saveFirst(MetricView view, String document, HistoryEntry entry) {
        if (!historyWithView) {
            return false;
        }
        try (Connection connection = rows.getConnection();
             PreparedStatement statement = connection.prepareStatement("WITH written AS (" + INSERT_VIEW
                     + " ON CONFLICT (metric_id) DO NOTHING RETURNING metric_id) " + HISTORY_FROM_WRITTEN_VIEW)) {
            bindRow(statement, view, entry.sequence(), document);
            bindHistory(statement, 10, entry);
            if (statement.executeUpdate() == 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new PersistenceException("metric view " + view.metricId() + " not written", e);
        }
        parsed.put(view.metricId(), new Parsed(document, view, entry.sequence()));
        return true;
    }

    @Override
    public Optional<String> teamOf(String metricId) {
        // One column, not the parsed document: every write's authorization asks this.
        return em.createQuery("select v.team from MetricViewEntity v where v.metricId = :metricId", String.class)
                .setParameter("metricId", metricId).getResultStream().findFirst();
    }

    @Override
    public void forget(String metricId) {
        // Without flushing the batch's pending changes first (Hibernate's default before a bulk statement): a replay
        // forgets a stream at its first event, so nothing of this metric can be pending, and flushing every other
        // metric's changes at each stream's start was a fifth of a replay's time (bench/RESULTS.md).
        em.createQuery("delete from MetricHistoryEntity h where h.key.metricId = :metricId")
                .setParameter("metricId", metricId).setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .executeUpdate();
        em.createQuery("delete from MetricViewEntity v where v.metricId = :metricId")
                .setParameter("metricId", metricId).setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .executeUpdate();
        parsed.remove(metricId);
    }

    /** An UPDATE, or an INSERT for a stream's first event or a view that is missing. */
    @Override
    public void save(MetricView view, long lastSequence) {
        save(view, write(view), lastSequence);
    }

    @Override
    public void save(MetricView view, String document, long lastSequence) {
        try (Connection connection = rows.getConnection()) {
            int updated = 0;
            if (lastSequence > 0) {
                try (PreparedStatement update = connection.prepareStatement(UPDATE_VIEW)) {
                    bindRow(update, view, lastSequence, document);
                    updated = update.executeUpdate();
                }
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_VIEW)) {
                    bindRow(insert, view, lastSequence, document);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("metric view " + view.metricId() + " not written", e);
        }
        parsed.put(view.metricId(), new Parsed(document, view, lastSequence));
    }

    /**
     * Fills the read columns derived from the document where a row predates them (written before they existed);
     * returns how many rows it filled. Runs in its own statements, outside any command, at start-up.
     */
    public int fillDerivedColumns() {
        int filled = 0;
        try (Connection connection = rows.getConnection()) {
            while (true) {
                Map<String, String> documents = new LinkedHashMap<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT metric_id, document FROM metric_view"
                        + " WHERE search_text IS NULL ORDER BY metric_id FETCH FIRST 500 ROWS ONLY");
                     ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        documents.put(found.getString(1), found.getString(2));
                    }
                }
                if (documents.isEmpty()) {
                    return filled;
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE metric_view SET search_text = ?, replaced_by = ? WHERE metric_id = ?")) {
                    for (Map.Entry<String, String> row : documents.entrySet()) {
                        MetricView view = read(row.getValue());
                        update.setString(1, MetricFilter.searchText(view.name(), view.description()));
                        update.setString(2, view.replacedBy());
                        update.setString(3, row.getKey());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                filled += documents.size();
            }
        } catch (SQLException e) {
            throw new PersistenceException("metric views' search columns not filled", e);
        }
    }

    private static void bindRow(PreparedStatement statement, MetricView view, long lastSequence, String document)
            throws SQLException {
        statement.setString(1, view.team());
        statement.setString(2, view.owner());
        statement.setString(3, view.status().name());
        statement.setObject(4, OffsetDateTime.ofInstant(view.proposedAt(), ZoneOffset.UTC));
        statement.setLong(5, lastSequence);
        statement.setString(6, document);
        statement.setString(7, MetricFilter.searchText(view.name(), view.description()));
        statement.setString(8, view.replacedBy());
        statement.setString(9, view.metricId());
    }

    /**
     * No lookup first: the projection applies a sequence only when the view (written with its history in the same
     * transaction, by the projection and by the rebuild alike) has not seen it, so the row cannot exist.
     */
    @Override
    public void appendHistory(String metricId, HistoryEntry entry) {
        try (Connection connection = rows.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_HISTORY
                     + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, metricId);
            bindHistory(insert, 2, entry);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("history of metric " + metricId + " not written", e);
        }
    }

    /** The entry's sequence, type, time, actor, reason and changes, from parameter {@code first} on. */
    private static void bindHistory(PreparedStatement statement, int first, HistoryEntry entry) throws SQLException {
        statement.setLong(first, entry.sequence());
        statement.setString(first + 1, entry.type());
        statement.setObject(first + 2, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
        statement.setString(first + 3, entry.actor());
        statement.setString(first + 4, entry.reason());
        statement.setString(first + 5, ChangesJson.write(entry.changes()));
    }

    @Override
    public List<HistoryEntry> history(String metricId) {
        List<MetricHistoryEntity> rows = em.createQuery(
                        "select h from MetricHistoryEntity h where h.key.metricId = :metricId"
                                + " order by h.key.sequenceNumber", MetricHistoryEntity.class)
                .setParameter("metricId", metricId)
                .getResultList();
        List<HistoryEntry> entries = new ArrayList<>(rows.size());
        for (MetricHistoryEntity row : rows) {
            entries.add(new HistoryEntry(row.getKey().getSequenceNumber(), row.getEventType(), row.getOccurredAt(),
                    row.getActor(), row.getReason(), readChanges(row.getChanges())));
        }
        return entries;
    }

    @Override
    public MetricPage list(MetricFilter filter, int page, int size) {
        MetricViewStore.checkPage(page, size);
        // Only the given criteria become conditions: "(:p is null or ...)" leaves the database guessing the type
        // of a null parameter, which PostgreSQL refuses.
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        if (filter != null && filter.team() != null) {
            conditions.add("v.team = :team");
            parameters.put("team", filter.team());
        }
        if (filter != null && filter.status() != null) {
            conditions.add("v.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter != null && filter.owner() != null) {
            conditions.add("v.owner = :owner");
            parameters.put("owner", filter.owner());
        }
        if (filter != null && filter.text() != null) {
            conditions.add("v.searchText like :text escape '!'");
            parameters.put("text", "%" + likeLiteral(MetricFilter.folded(filter.text())) + "%");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);

        TypedQuery<Long> count = em.createQuery("select count(v) from MetricViewEntity v" + where, Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();

        long first = (long) page * size;
        if (first >= total) {
            return new MetricPage(List.of(), total);
        }
        TypedQuery<String> select = em.createQuery("select v.document from MetricViewEntity v" + where
                + " order by v.proposedAt asc, v.metricId asc", String.class);
        parameters.forEach(select::setParameter);
        List<String> documents = select.setFirstResult((int) first).setMaxResults(size).getResultList();
        List<MetricView> items = new ArrayList<>(documents.size());
        for (String document : documents) {
            items.add(read(document));
        }
        return new MetricPage(items, total);
    }

    /** The text matched literally: LIKE's wildcards in it are escaped ('!' is the escape, chosen for needing none). */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public Map<String, List<MetricView>> predecessors(Collection<String> successorIds) {
        if (successorIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select v.metricId, v.document from MetricViewEntity v"
                        + " where v.replacedBy in :ids order by v.proposedAt asc, v.metricId asc", Object[].class)
                .setParameter("ids", successorIds)
                .getResultList();
        Map<String, List<MetricView>> found = new HashMap<>();
        for (Object[] row : rows) {
            MetricView view = parsed((String) row[0], (String) row[1]);
            found.computeIfAbsent(view.replacedBy(), id -> new ArrayList<>()).add(view);
        }
        return found;
    }

    @Override
    public List<MetricView> activeOfTeam(String team) {
        List<String> documents = em.createQuery("select v.document from MetricViewEntity v"
                        + " where v.team = :team and v.status <> :deprecated"
                        + " order by v.proposedAt asc, v.metricId asc", String.class)
                .setParameter("team", team)
                .setParameter("deprecated", MetricStatus.DEPRECATED)
                .getResultList();
        List<MetricView> views = new ArrayList<>(documents.size());
        for (String document : documents) {
            views.add(read(document));
        }
        return views;
    }

    @Override
    public OptionalLong lastAppliedSequence(String metricId) {
        // A scalar query, not find(): it reads the database each time instead of a cached entity, which is what a
        // caller polling for a projection to catch up needs.
        List<Long> sequences = em.createQuery(
                        "select v.lastSequence from MetricViewEntity v where v.metricId = :metricId", Long.class)
                .setParameter("metricId", metricId)
                .getResultList();
        return sequences.isEmpty() ? OptionalLong.empty() : OptionalLong.of(sequences.get(0));
    }

    private MetricView read(String document) {
        try {
            return json.readValue(document, MetricView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable metric view document", e);
        }
    }

    private Map<String, FieldChange> readChanges(String changes) {
        try {
            return json.readValue(changes, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history changes", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view not writable as JSON", e);
        }
    }
}
