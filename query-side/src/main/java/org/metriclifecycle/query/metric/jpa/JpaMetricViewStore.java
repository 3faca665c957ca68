package org.metriclifecycle.query.metric.jpa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.events.MetricStatus;
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
 * The entity manager is a transaction-scoped proxy; every method expects the caller's transaction to be active.
 */
public class JpaMetricViewStore implements MetricViewStore {

    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public JpaMetricViewStore(EntityManager em, ObjectMapper json) {
        this.em = Objects.requireNonNull(em, "em");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Optional<StoredMetricView> find(String metricId) {
        MetricViewEntity row = em.find(MetricViewEntity.class, metricId);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredMetricView(read(row.getDocument()), row.getLastSequence()));
    }

    /**
     * {@code SELECT ... FOR UPDATE}: a rebuild's batch holding the row makes this wait, then read the rebuilt row. A
     * row this transaction already locked comes from the persistence context, with its pending changes.
     */
    @Override
    public Optional<StoredMetricView> findForUpdate(String metricId) {
        MetricViewEntity row = em.find(MetricViewEntity.class, metricId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredMetricView(read(row.getDocument()), row.getLastSequence()));
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
    }

    @Override
    public void save(MetricView view, long lastSequence) {
        String document = write(view);
        MetricViewEntity row = em.find(MetricViewEntity.class, view.metricId());
        if (row == null) {
            em.persist(new MetricViewEntity(view.metricId(), view.team(), view.owner(), view.status(),
                    view.proposedAt(), lastSequence, document));
        } else {
            row.update(view.team(), view.owner(), view.status(), view.proposedAt(), lastSequence, document);
        }
    }

    @Override
    public void appendHistory(String metricId, HistoryEntry entry) {
        MetricHistoryKey key = new MetricHistoryKey(metricId, entry.sequence());
        if (em.find(MetricHistoryEntity.class, key) != null) {
            return;
        }
        em.persist(new MetricHistoryEntity(key, entry.type(), entry.occurredAt(), entry.actor(), entry.reason(),
                write(entry.changes())));
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
