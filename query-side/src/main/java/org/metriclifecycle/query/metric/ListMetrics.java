package org.metriclifecycle.query.metric;

/** One page of the metrics matching {@code filter}; answered with a {@link MetricPage}. */
public record ListMetrics(MetricFilter filter, int page, int size) {
}
