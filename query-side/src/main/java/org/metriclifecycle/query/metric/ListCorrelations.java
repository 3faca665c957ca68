package org.metriclifecycle.query.metric;

/**
 * Every correlation of a metric, newest first, optionally of one hypothesis; answered with a
 * {@link CorrelationPage}, or null when the metric (or the named hypothesis) is unknown.
 */
public record ListCorrelations(String metricId, String hypothesisId, int page, int size) {
}
