package org.metriclifecycle.query.team;

/** A stored team view with the sequence number of the last event of the team's stream folded into it. */
public record StoredTeamView(TeamView view, long lastSequence) {
}
