package org.metriclifecycle.query.team;

/** Every event of the team's own stream, oldest first; answered with a {@link TeamHistory}, null for no such team. */
public record FindTeamHistory(String team) {
}
