package org.metriclifecycle.query.metric;

/** A stored view with the sequence number of the last event folded into it, which makes re-delivery harmless. */
public record StoredMetricView(MetricView view, long lastSequence) {
}
