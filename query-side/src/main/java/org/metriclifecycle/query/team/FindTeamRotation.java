package org.metriclifecycle.query.team;

/** The team's rotation and who gets which metric next; answered with a {@link TeamRotation}, or null without one. */
public record FindTeamRotation(String team) {
}
