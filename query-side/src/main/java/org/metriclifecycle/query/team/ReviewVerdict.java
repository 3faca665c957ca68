package org.metriclifecycle.query.team;

/** What the quarterly review suggests doing with a metric. */
public enum ReviewVerdict {
    /** Evidence is current and revalidation is not near. */
    KEEP,
    /** Revalidation is due within {@link ReviewRules#REVALIDATE_WINDOW}. */
    REVALIDATE,
    /** Deprioritized, or no supporting correlation within the last revalidation interval. */
    REMOVE_CANDIDATE
}
