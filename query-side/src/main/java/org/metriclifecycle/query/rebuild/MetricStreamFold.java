package org.metriclifecycle.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.query.metric.ChangesJson;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewFold;
import org.metriclifecycle.query.metric.ViewDiff;

/**
 * One metric's stream folded in memory: its view and its history exactly as {@code MetricProjection} leaves them
 * after the same events ({@link MetricViewFold}, {@link HistoryEntry#of} via {@link HistoryEntry#ofLeaves}), and the last sequence folded.
 */
public final class MetricStreamFold extends StreamFold {

    private final String metricId;
    private final ObjectMapper json;
    private MetricView view;
    private Map<String, JsonNode> leaves = Map.of();
    private final List<HistoryRow> history = new ArrayList<>();

    MetricStreamFold(String metricId, ObjectMapper json) {
        this.metricId = metricId;
        this.json = json;
    }

    public String metricId() {
        return metricId;
    }

    @Override
    void fold(RebuildEvent event) {
        MetricEvent payload = (MetricEvent) event.payload();
        MetricView after = MetricViewFold.apply(view, payload);
        Map<String, JsonNode> afterLeaves = ViewDiff.leavesOf(after);
        HistoryEntry entry = HistoryEntry.ofLeaves(event.sequence(), payload, event.occurredAt(), event.metaData(),
                leaves, afterLeaves);
        history.add(new HistoryRow(entry.sequence(), entry.type(), entry.occurredAt(), entry.actor(), entry.reason(),
                ChangesJson.write(entry.changes())));
        view = after;
        leaves = afterLeaves;
    }

    @Override
    void forget() {
        view = null;
        leaves = Map.of();
        history.clear();
    }

    public MetricView view() {
        return view;
    }

    public List<HistoryRow> history() {
        return history;
    }
}
