package org.metriclifecycle.query.metric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.metriclifecycle.events.MetricStatus;

/** A {@link MetricViewStore} in maps, answering like the JPA one (same order, same paging), for tests. */
public class InMemoryMetricViewStore implements MetricViewStore {

    private final Map<String, StoredMetricView> views = new HashMap<>();
    private final Map<String, TreeMap<Long, HistoryEntry>> histories = new HashMap<>();

    @Override
    public void forget(String metricId) {
        views.remove(metricId);
        histories.remove(metricId);
    }

    @Override
    public synchronized Optional<StoredMetricView> find(String metricId) {
        return Optional.ofNullable(views.get(metricId));
    }

    @Override
    public synchronized void save(MetricView view, long lastSequence) {
        views.put(view.metricId(), new StoredMetricView(view, lastSequence));
    }

    @Override
    public synchronized void appendHistory(String metricId, HistoryEntry entry) {
        histories.computeIfAbsent(metricId, id -> new TreeMap<>()).putIfAbsent(entry.sequence(), entry);
    }

    @Override
    public synchronized List<HistoryEntry> history(String metricId) {
        TreeMap<Long, HistoryEntry> history = histories.get(metricId);
        return history == null ? List.of() : List.copyOf(history.values());
    }

    @Override
    public synchronized MetricPage list(MetricFilter filter, int page, int size) {
        MetricViewStore.checkPage(page, size);
        MetricFilter criteria = filter == null ? MetricFilter.any() : filter;
        List<MetricView> matches = new ArrayList<>();
        for (StoredMetricView stored : views.values()) {
            if (criteria.matches(stored.view())) {
                matches.add(stored.view());
            }
        }
        matches.sort(LIST_ORDER);
        long first = (long) page * size;
        if (first >= matches.size()) {
            return new MetricPage(List.of(), matches.size());
        }
        int from = (int) first;
        return new MetricPage(matches.subList(from, Math.min(from + size, matches.size())), matches.size());
    }

    @Override
    public synchronized Map<String, List<MetricView>> predecessors(Collection<String> successorIds) {
        Map<String, List<MetricView>> found = new HashMap<>();
        views.values().stream().map(StoredMetricView::view).sorted(LIST_ORDER)
                .filter(view -> view.replacedBy() != null && successorIds.contains(view.replacedBy()))
                .forEach(view -> found.computeIfAbsent(view.replacedBy(), id -> new ArrayList<>()).add(view));
        return found;
    }

    @Override
    public synchronized List<MetricView> activeOfTeam(String team) {
        List<MetricView> active = new ArrayList<>();
        for (StoredMetricView stored : views.values()) {
            if (stored.view().team().equals(team) && stored.view().status() != MetricStatus.DEPRECATED) {
                active.add(stored.view());
            }
        }
        active.sort(LIST_ORDER);
        return active;
    }

    @Override
    public synchronized OptionalLong lastAppliedSequence(String metricId) {
        StoredMetricView stored = views.get(metricId);
        return stored == null ? OptionalLong.empty() : OptionalLong.of(stored.lastSequence());
    }
}
