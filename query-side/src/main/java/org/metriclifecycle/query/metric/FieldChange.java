package org.metriclifecycle.query.metric;

/**
 * One leaf of a view before and after an event, as JSON scalars (text, number, boolean or null), so the history
 * renders the same whatever Java type the view used.
 */
public record FieldChange(Object before, Object after) {
}
