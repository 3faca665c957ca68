package org.metriclifecycle.query.metric;

import java.util.List;

/**
 * One page of a metric listing.
 *
 * @param total how many metrics match the filter in all, not how many this page holds
 */
public record MetricPage(List<MetricView> items, long total) {

    public MetricPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
