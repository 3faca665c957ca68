package org.metriclifecycle.command.team;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.metriclifecycle.command.RotationSettings;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.RotationScheduled;
import org.metriclifecycle.events.TeamMetricAdmitted;

/** Team "search" with a budget of 3 by default, and a rotation of three people handing off every 10 seconds. */
final class TeamTestData {

    static final String TEAM = "search";
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final TeamSettings SETTINGS = new TeamSettings(3);
    static final String SCHEDULE = "schedule-1";
    static final List<String> MEMBERS = List.of("ada", "bob", "carl");
    /** Short, as in the service's tests: the floor is one second. */
    static final RotationSettings ROTATION = new RotationSettings(Duration.ofSeconds(1));
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    static final RotationPeriod PERIOD = RotationPeriod.of(TEN_SECONDS);
    /** The first handoff of {@link #schedule()}. */
    static final Instant STARTS_AT = T0.plus(TEN_SECONDS);

    private TeamTestData() {
    }

    static TeamMetricAdmitted admitted(String metricId) {
        return new TeamMetricAdmitted(TEAM, metricId, T0);
    }

    static ScheduleRotation schedule() {
        return schedule(SCHEDULE, STARTS_AT);
    }

    static ScheduleRotation schedule(String scheduleId, Instant startsAt) {
        return new ScheduleRotation(TEAM, scheduleId, MEMBERS, PERIOD, startsAt);
    }

    static RotationScheduled scheduled() {
        return new RotationScheduled(TEAM, SCHEDULE, MEMBERS, PERIOD, STARTS_AT, T0);
    }

    static Instant handoffAt(long handoff) {
        return PERIOD.handoffAt(STARTS_AT, handoff);
    }
}
