package org.metriclifecycle.command.team;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.TeamEvent;

/** Sets the team's own metric budget (1..100), replacing the configured default for this team. */
public record SetCoreMetricLimit(String team, int coreMetricLimit) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }
}
