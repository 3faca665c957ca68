package org.metriclifecycle.query.metric;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;


/**
 * Where metric views and their history are kept. Implementations run inside the caller's transaction, so the
 * projection's save and history append for one event commit or fail together.
 */
public interface MetricViewStore {

    /** The order of every listing: oldest proposal first, ties broken by id so pages never overlap. */
    Comparator<MetricView> LIST_ORDER = Comparator.comparing(MetricView::proposedAt)
            .thenComparing(MetricView::metricId);

    Optional<StoredMetricView> find(String metricId);

    /**
     * {@link #find} for a writer about to change the view: the row stays locked until the caller's transaction ends,
     * so a projection rebuild's batch and a writer never fold the same stream at once (ProjectionRebuild's protocol,
     * see query.rebuild.RebuildWriter).
     */
    default Optional<StoredMetricView> findForUpdate(String metricId) {
        return find(metricId);
    }

    /**
     * The view this store last read or wrote for the metric, from memory: a guess at what its row holds, for
     * {@link #saveIfStill}. Empty when the store keeps no such guess.
     */
    default Optional<StoredMetricView> lastKnown(String metricId) {
        return Optional.empty();
    }

    /**
     * Replaces the view and appends its history entry only if its row still holds {@code expected} (as
     * {@link #lastKnown} gave it: the same last sequence and the same document), locking the row as
     * {@link #findForUpdate} does; false, with nothing written, when the row holds anything else or the store cannot
     * tell. A writer that folded its event onto the guess then reads the row with {@link #findForUpdate} and folds
     * again.
     */
    default boolean saveIfStill(StoredMetricView expected, MetricView view, String document, long lastSequence,
                                HistoryEntry entry) {
        return false;
    }

    /**
     * Writes a stream's first view and its history entry if the metric has no row at all, in the same way; false,
     * with nothing written, when a row exists (left behind, or being written by a rebuild) or the store cannot tell.
     */
    default boolean saveFirst(MetricView view, String document, HistoryEntry entry) {
        return false;
    }

    /** Inserts or replaces the view of {@code view.metricId()}. */
    void save(MetricView view, long lastSequence);

    /**
     * {@link #save(MetricView, long)} with the view already written as JSON ({@link ViewDiff#serialize}): a store
     * that keeps JSON stores that text rather than serializing the view a second time.
     */
    default void save(MetricView view, String document, long lastSequence) {
        save(view, lastSequence);
    }

    /** Drops the metric's view and history, so that a replay rebuilds them from its first event. */
    void forget(String metricId);

    /** Adds the entry unless the metric already has one with the same sequence, so re-delivery adds nothing. */
    void appendHistory(String metricId, HistoryEntry entry);

    /** The metric's history, oldest first; empty for an unknown metric. */
    List<HistoryEntry> history(String metricId);

    /**
     * @param page from 0
     * @param size at least 1
     */
    MetricPage list(MetricFilter filter, int page, int size);

    /**
     * The team's metrics that are not DEPRECATED, in {@link #LIST_ORDER}: the order of proposal the rotation rule
     * counts metrics in.
     */
    List<MetricView> activeOfTeam(String team);

    /**
     * The metrics deprecated in favour of each of these (their {@code replacedBy} names it), by successor id, each
     * list in {@link #LIST_ORDER}; a successor nothing replaced is absent.
     */
    Map<String, List<MetricView>> predecessors(Collection<String> successorIds);

    /** The team of the metric, as its view says; empty for an unknown metric. */
    default Optional<String> teamOf(String metricId) {
        return find(metricId).map(stored -> stored.view().team());
    }

    /** The sequence of the last event folded into the metric's view, empty while it has none. */
    OptionalLong lastAppliedSequence(String metricId);

    /** Shared argument check, so every store refuses the same pages. */
    static void checkPage(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0, was " + page);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
    }
}
