package org.metriclifecycle.command.team;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.TeamEvent;

/** Replaces the team's roster: 1..200 distinct names, compared case-insensitively. */
public record SetTeamRoster(String team, List<String> members) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }
}
