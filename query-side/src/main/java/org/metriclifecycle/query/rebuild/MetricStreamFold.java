package org.metriclifecycle.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewFold;
import org.metriclifecycle.query.metric.ViewDiff;

/**
 * One metric's stream folded in memory: its view and its history exactly as {@code MetricProjection} leaves them
 * after the same events ({@link MetricViewFold}, {@link HistoryEntry#of} via {@link HistoryEntry#ofLeaves}), and the last sequence folded.
 * <p>
 * Events must come in stream order. One that skips a sequence (the scan passed an event whose transaction had not
 * committed yet) marks the fold {@link #broken()}: it stops folding, and the batch that writes it folds the whole
 * stream again from the event store.
 */
public final class MetricStreamFold {

    private final String metricId;
    private final ObjectMapper json;
    private MetricView view;
    private Map<String, JsonNode> leaves = Map.of();
    private long lastSequence = -1;
    private final List<HistoryRow> history = new ArrayList<>();
    private boolean broken;

    MetricStreamFold(String metricId, ObjectMapper json) {
        this.metricId = metricId;
        this.json = json;
    }

    public String metricId() {
        return metricId;
    }

    /** @return whether the event was folded (not a repeat of one already folded, nor after a gap) */
    public boolean apply(RebuildEvent event) {
        if (broken || event.sequence() <= lastSequence) {
            return false;
        }
        if (event.sequence() != lastSequence + 1) {
            broken = true;
            return false;
        }
        MetricEvent payload = (MetricEvent) event.payload();
        MetricView after = MetricViewFold.apply(view, payload);
        Map<String, JsonNode> afterLeaves = ViewDiff.leavesOf(after);
        HistoryEntry entry = HistoryEntry.ofLeaves(event.sequence(), payload, event.occurredAt(), event.metaData(),
                leaves, afterLeaves);
        history.add(new HistoryRow(entry.sequence(), entry.type(), entry.occurredAt(), entry.actor(), entry.reason(),
                write(entry.changes())));
        view = after;
        leaves = afterLeaves;
        lastSequence = event.sequence();
        return true;
    }

    /** Forgets everything folded, so the stream is folded again from its first event. */
    void restart() {
        view = null;
        leaves = Map.of();
        lastSequence = -1;
        history.clear();
        broken = false;
    }

    public boolean broken() {
        return broken;
    }

    public MetricView view() {
        return view;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public List<HistoryRow> history() {
        return history;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history changes not writable as JSON", e);
        }
    }
}
