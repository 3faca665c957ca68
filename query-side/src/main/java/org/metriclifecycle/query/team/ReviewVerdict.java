package org.metriclifecycle.query.team;

/** What the quarterly review suggests doing with a metric. */
public enum ReviewVerdict {
    /** Inside its link window and neither VALIDATED nor DEPRIORITIZED: too early to judge. */
    PENDING,
    /** Evidence is current and revalidation is not near. */
    KEEP,
    /** Revalidation is due within {@link ReviewRules#REVALIDATE_WINDOW}. */
    REVALIDATE,
    /**
     * Deprioritized or refuted; past its link window with no supporting evidence within the last revalidation
     * interval; or its shadow checks' false-positive rate is above 0.5 over at least 3 concluded checks.
     */
    REMOVE_CANDIDATE
}
