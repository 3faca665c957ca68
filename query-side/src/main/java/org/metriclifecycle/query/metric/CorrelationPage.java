package org.metriclifecycle.query.metric;

import java.util.List;

/** One page of a metric's correlations, newest first; {@code total} counts every match. */
public record CorrelationPage(List<CorrelationListItem> items, long total) {

    public CorrelationPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
