package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.team.TeamTestData.MEMBERS;
import static org.metriclifecycle.command.team.TeamTestData.PERIOD;
import static org.metriclifecycle.command.team.TeamTestData.SCHEDULE;
import static org.metriclifecycle.command.team.TeamTestData.STARTS_AT;
import static org.metriclifecycle.command.team.TeamTestData.T0;
import static org.metriclifecycle.command.team.TeamTestData.TEAM;
import static org.metriclifecycle.command.team.TeamTestData.admitted;
import static org.metriclifecycle.command.team.TeamTestData.schedule;
import static org.metriclifecycle.command.team.TeamTestData.scheduled;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.events.RotationScheduled;

class ScheduleRotationTest {

    private final AggregateTestFixture<TeamAggregate> fixture = TeamFixture.create().fixture();

    @Test
    void createsTheTeamAndSchedulesTheFirstHandoff() {
        fixture.givenCurrentTime(T0)
               .when(schedule())
               .expectSuccessfulHandlerExecution()
               .expectEvents(scheduled())
               .expectScheduledDeadline(STARTS_AT, new RotationHandoffDue(SCHEDULE, 0))
               .expectScheduledDeadlineWithName(STARTS_AT, TeamAggregate.ROTATION_HANDOFF_DEADLINE);
    }

    @Test
    void aScheduleThatStartedInThePastHandsOffNextAtItsFirstHandoffFromNowOn() {
        // Started 25 s ago with a period of 10 s: handoffs 0, 1 and 2 are past and never happen.
        fixture.givenCurrentTime(T0)
               .when(schedule(SCHEDULE, T0.minusSeconds(25)))
               .expectEvents(new RotationScheduled(TEAM, SCHEDULE, MEMBERS, PERIOD, T0.minusSeconds(25), T0))
               .expectScheduledDeadline(T0.plusSeconds(5), new RotationHandoffDue(SCHEDULE, 3));
    }

    @Test
    void aHandoffFallingDueNowIsScheduledNow() {
        fixture.givenCurrentTime(T0)
               .when(schedule(SCHEDULE, T0.minus(PERIOD)))
               .expectScheduledDeadline(T0, new RotationHandoffDue(SCHEDULE, 1));
    }

    @Test
    void replacesTheScheduleOfAnExistingTeam() {
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"), scheduled())
               .when(schedule("schedule-2", T0.plusSeconds(3)))
               .expectEvents(new RotationScheduled(TEAM, "schedule-2", MEMBERS, PERIOD, T0.plusSeconds(3), T0))
               .expectScheduledDeadline(T0.plusSeconds(3), new RotationHandoffDue("schedule-2", 0));
    }

    static Stream<Arguments> invalidSchedules() {
        return Stream.of(
                Arguments.of("team", new ScheduleRotation(" ", SCHEDULE, MEMBERS, PERIOD, STARTS_AT)),
                Arguments.of("scheduleId", new ScheduleRotation(TEAM, "", MEMBERS, PERIOD, STARTS_AT)),
                Arguments.of("members", new ScheduleRotation(TEAM, SCHEDULE, null, PERIOD, STARTS_AT)),
                Arguments.of("members", new ScheduleRotation(TEAM, SCHEDULE, List.of("ada"), PERIOD, STARTS_AT)),
                Arguments.of("members", new ScheduleRotation(TEAM, SCHEDULE, List.of("ada", "ada"), PERIOD,
                        STARTS_AT)),
                Arguments.of("members", new ScheduleRotation(TEAM, SCHEDULE, List.of("ada", " "), PERIOD,
                        STARTS_AT)),
                Arguments.of("members", new ScheduleRotation(TEAM, SCHEDULE, Arrays.asList("ada", null), PERIOD,
                        STARTS_AT)),
                Arguments.of("period", new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, null, STARTS_AT)),
                Arguments.of("period", new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, Duration.ZERO, STARTS_AT)),
                Arguments.of("period", new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, Duration.ofDays(-7),
                        STARTS_AT)),
                Arguments.of("period", new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, Duration.ofNanos(1),
                        STARTS_AT)),
                Arguments.of("startsAt", new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, PERIOD, null)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidSchedules")
    void rejectsAnInvalidSchedule(String field, ScheduleRotation command) {
        fixture.givenNoPriorActivity()
               .when(command)
               .expectException(InvalidCommandException.class)
               .expectException(invalidField(field))
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }

    @Test
    void rejectsReusingTheIdOfTheScheduleInForce() {
        // Its deadlines would be taken for the new schedule's.
        fixture.given(scheduled())
               .when(schedule(SCHEDULE, T0.plusSeconds(3)))
               .expectException(invalidField("scheduleId"))
               .expectNoEvents();
    }
}
