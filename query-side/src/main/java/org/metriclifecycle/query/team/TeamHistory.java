package org.metriclifecycle.query.team;

import java.util.List;

import org.metriclifecycle.query.metric.HistoryEntry;

/** The audit trail of a team's own decisions: budget, roster, rotation, overrides, webhooks and admissions. */
public record TeamHistory(String team, List<HistoryEntry> entries) {

    public TeamHistory {
        entries = List.copyOf(entries);
    }
}
