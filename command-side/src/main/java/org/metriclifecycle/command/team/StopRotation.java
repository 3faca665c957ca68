package org.metriclifecycle.command.team;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.TeamEvent;

/** Stops the team's rotation; every metric keeps its current owner. */
public record StopRotation(String team) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }
}
