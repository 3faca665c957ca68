package org.metriclifecycle.query.metric;

/** A metric's shadow checks; answered with a {@link ShadowCheckList}, or null when the metric is unknown. */
public record ListShadowChecks(String metricId) {
}
