package org.metriclifecycle.query.rebuild;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.TeamEvent;

/**
 * Every stream of a scan folded in memory, events given in global order (any interleaving of streams). A stream is
 * <em>ready</em> to be written once it holds its last event as of the scan's head ({@code expectedLast}, from one
 * query before the scan), so memory holds the streams still in flight rather than the whole store, and views are
 * written while the scan goes on; {@link #finish()} makes the rest ready. A stream once ready ignores later events
 * of the scan: the batch that writes it reads whatever its fold lacks from the event store itself.
 */
public final class StreamFolds {

    private final ObjectMapper json;
    private final Map<String, Long> expectedLast;
    /** Every stream seen: its open fold, or {@link #HANDED_OVER}. */
    private final Map<String, Object> streams = new HashMap<>();
    private static final Object HANDED_OVER = new Object();
    private final Deque<MetricStreamFold> readyMetrics = new ArrayDeque<>();
    private final Deque<TeamStreamFold> readyTeams = new ArrayDeque<>();
    private int readyHistoryRows;
    private long ignored;

    /**
     * @param json         the view mapper (ViewJson), for the history's changes
     * @param expectedLast each stream's last sequence as of the scan's head, by aggregate id; empty to hold every
     *                     stream until {@link #finish()}
     */
    public StreamFolds(ObjectMapper json, Map<String, Long> expectedLast) {
        this.json = json;
        this.expectedLast = expectedLast;
    }

    /** @return whether the event was folded into its stream */
    public boolean apply(RebuildEvent event) {
        // One lookup per event: a stream's entry is its open fold, or HANDED_OVER once it is ready.
        String id = event.aggregateId();
        Object known = streams.get(id);
        if (known == HANDED_OVER) {
            ignored++;
            return false;
        }
        if (event.payload() instanceof MetricEvent) {
            MetricStreamFold fold = known instanceof MetricStreamFold open ? open : null;
            if (fold == null) {
                fold = new MetricStreamFold(id, json);
                fold.expectLast(expectedLast.get(id));
                streams.put(id, fold);
            }
            boolean applied = fold.apply(event);
            if (fold.broken() || fold.complete()) {
                handOver(fold);
            }
            return applied;
        }
        if (event.payload() instanceof TeamEvent teamEvent) {
            TeamStreamFold fold = known instanceof TeamStreamFold open ? open : null;
            if (fold == null) {
                fold = new TeamStreamFold(teamEvent.team());
                fold.expectLast(expectedLast.get(id));
                streams.put(id, fold);
            }
            boolean applied = fold.apply(event);
            if (fold.broken() || fold.complete()) {
                handOver(fold);
            }
            return applied;
        }
        ignored++;
        return false;
    }

    private void handOver(MetricStreamFold fold) {
        streams.put(fold.metricId(), HANDED_OVER);
        readyMetrics.add(fold);
        readyHistoryRows += fold.history().size();
    }

    private void handOver(TeamStreamFold fold) {
        streams.put(fold.aggregateId(), HANDED_OVER);
        readyTeams.add(fold);
    }

    /** The scan is over: every stream still open is ready. */
    public void finish() {
        List<MetricStreamFold> metrics = new ArrayList<>();
        List<TeamStreamFold> teams = new ArrayList<>();
        for (Object stream : streams.values()) {
            if (stream instanceof MetricStreamFold metric) {
                metrics.add(metric);
            } else if (stream instanceof TeamStreamFold team) {
                teams.add(team);
            }
        }
        metrics.sort((a, b) -> a.metricId().compareTo(b.metricId()));
        metrics.forEach(this::handOver);
        teams.sort((a, b) -> a.team().compareTo(b.team()));
        teams.forEach(this::handOver);
    }

    public int readyMetricStreams() {
        return readyMetrics.size();
    }

    public int readyHistoryRows() {
        return readyHistoryRows;
    }

    public int readyTeamStreams() {
        return readyTeams.size();
    }

    /** Up to {@code streams} ready metric streams (and at most about {@code rows} history rows), oldest ready first. */
    public List<MetricStreamFold> takeMetrics(int streams, int rows) {
        List<MetricStreamFold> batch = new ArrayList<>();
        int historyRows = 0;
        while (!readyMetrics.isEmpty() && batch.size() < streams
                && (batch.isEmpty() || historyRows + readyMetrics.peekFirst().history().size() <= rows)) {
            MetricStreamFold fold = readyMetrics.pollFirst();
            historyRows += fold.history().size();
            batch.add(fold);
        }
        readyHistoryRows -= historyRows;
        return batch;
    }

    public List<TeamStreamFold> takeTeams(int streams) {
        List<TeamStreamFold> batch = new ArrayList<>();
        while (!readyTeams.isEmpty() && batch.size() < streams) {
            batch.add(readyTeams.pollFirst());
        }
        return batch;
    }

    /** Streams seen so far, ready or not. */
    public int streams() {
        return streams.size();
    }

    /** Events that belonged to no metric or team stream, or came after their stream was handed over. */
    public long ignored() {
        return ignored;
    }
}
