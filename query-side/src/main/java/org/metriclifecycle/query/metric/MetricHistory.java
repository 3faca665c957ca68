package org.metriclifecycle.query.metric;

import java.util.List;

/** Every event of one metric, oldest first. */
public record MetricHistory(String metricId, List<HistoryEntry> entries) {

    public MetricHistory {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
