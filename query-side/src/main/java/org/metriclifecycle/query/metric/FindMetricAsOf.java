package org.metriclifecycle.query.metric;

import java.time.Instant;

/**
 * The view of one metric as it stood at {@code asOf}, rebuilt from its event stream; answered with a
 * {@link MetricView}, or null when the metric did not exist yet.
 */
public record FindMetricAsOf(String metricId, Instant asOf) {
}
