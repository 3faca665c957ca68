package org.metriclifecycle.query.rebuild;

import java.time.Instant;

/**
 * One {@code metric_history} row as the rebuild writes it: a {@link org.metriclifecycle.query.metric.HistoryEntry}
 * with its changes already in their stored JSON form, which is far smaller in memory than the entry's map of JSON
 * values while a rebuild holds the history of many streams.
 */
public record HistoryRow(long sequence, String type, Instant occurredAt, String actor, String reason,
                         String changes) {
}
