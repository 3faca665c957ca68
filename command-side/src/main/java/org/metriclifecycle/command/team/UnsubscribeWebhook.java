package org.metriclifecycle.command.team;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.TeamEvent;

/** Stops a webhook subscription of the team. */
public record UnsubscribeWebhook(String team, String subscriptionId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }
}
