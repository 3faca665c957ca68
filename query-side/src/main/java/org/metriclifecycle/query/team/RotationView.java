package org.metriclifecycle.query.team;

import java.time.Instant;
import java.util.List;

import org.metriclifecycle.events.RotationPeriod;

/**
 * The team's current rotation schedule: handoff k at {@code startsAt + k * period}.
 *
 * @param lastHandoff   the number of the latest handoff of this schedule that came due, null before the first
 * @param lastHandoffAt when it came due, null before the first
 */
public record RotationView(
        String scheduleId,
        List<String> members,
        RotationPeriod period,
        Instant startsAt,
        List<OverrideView> overrides,
        Long lastHandoff,
        Instant lastHandoffAt) {

    public RotationView {
        members = members == null ? List.of() : List.copyOf(members);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public RotationView withOverrides(List<OverrideView> newOverrides) {
        return new RotationView(scheduleId, members, period, startsAt, newOverrides, lastHandoff, lastHandoffAt);
    }

    public RotationView withLastHandoff(long handoff, Instant at) {
        return new RotationView(scheduleId, members, period, startsAt, overrides, handoff, at);
    }
}
