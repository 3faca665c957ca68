package org.metriclifecycle.query.team;

/** A team's summary; answered with a {@link TeamSummary}, or null when the team has no view and no metric. */
public record FindTeam(String team) {
}
