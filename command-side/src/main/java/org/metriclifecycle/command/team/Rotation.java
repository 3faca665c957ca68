package org.metriclifecycle.command.team;

import java.time.Instant;
import java.util.List;

import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.RotationRule;

/** The team's schedule in force: the part of {@code RotationScheduled} the handoffs need. */
record Rotation(String scheduleId, List<String> members, RotationPeriod period, Instant startsAt) {

    Rotation {
        members = List.copyOf(members);
    }

    Instant handoffAt(long handoff) {
        return RotationRule.handoffAt(startsAt, period, handoff);
    }

    long nextHandoff(Instant now) {
        return RotationRule.nextHandoff(startsAt, period, now);
    }

    long lastHandoff(Instant now) {
        return RotationRule.lastHandoff(startsAt, period, now);
    }
}
