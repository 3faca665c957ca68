package org.metriclifecycle.events;

/** How a revision moved one score: the baseline's, a candidate's, or any labelled subject's. */
public record ScoreDelta(String subject, Double before, Double after) {
}
