package org.metriclifecycle.query.team;

/** The team's quarterly review; answered with a {@link TeamReview}, or null when the team is unknown. */
public record FindTeamReview(String team) {
}
