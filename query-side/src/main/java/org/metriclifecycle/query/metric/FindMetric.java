package org.metriclifecycle.query.metric;

/** The current view of one metric; answered with a {@link MetricView}, or null when the metric is unknown. */
public record FindMetric(String metricId) {
}
