package org.metriclifecycle.command.team;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.TeamEvent;

/**
 * While {@code member} is away ({@code from} inclusive, {@code to} exclusive), {@code replacement} takes their
 * turns.
 */
public record AddRotationOverride(String team, String overrideId, String member, String replacement, Instant from,
                                  Instant to) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }
}
