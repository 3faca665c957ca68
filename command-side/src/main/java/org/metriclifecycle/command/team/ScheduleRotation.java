package org.metriclifecycle.command.team;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.TeamEvent;

/**
 * Rotates ownership of the team's metrics among {@code members} (in this order), handing off at
 * {@code startsAt + k * period}. Replaces any earlier schedule from now on; {@code scheduleId} names this one.
 */
public record ScheduleRotation(String team, String scheduleId, List<String> members, RotationPeriod period,
                               Instant startsAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }
}
