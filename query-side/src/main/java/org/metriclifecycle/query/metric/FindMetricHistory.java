package org.metriclifecycle.query.metric;

/** The audit trail of one metric; answered with a {@link MetricHistory}, or null when the metric is unknown. */
public record FindMetricHistory(String metricId) {
}
