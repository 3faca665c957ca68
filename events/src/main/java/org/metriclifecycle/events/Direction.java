package org.metriclifecycle.events;

/** Which sign of the correlation coefficient would support a hypothesis. */
public enum Direction {
    POSITIVE,
    NEGATIVE
}
