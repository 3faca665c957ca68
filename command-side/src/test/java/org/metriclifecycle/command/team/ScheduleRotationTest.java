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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.events.RotationPeriod;
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
               .when(schedule(SCHEDULE, T0.minus(TeamTestData.TEN_SECONDS)))
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
                Arguments.of("period", withPeriod(Duration.ZERO)),
                Arguments.of("period", withPeriod(Duration.ofDays(-7))),
                Arguments.of("period", withPeriod(Duration.ofNanos(1))),
                // Below the configured floor (a second here, an hour by default): a handoff a millisecond.
                Arguments.of("period", withPeriod(Duration.parse("PT0.001S"))),
                Arguments.of("period", withPeriod(Duration.ofMillis(999))),
                Arguments.of("period", withPeriod(Duration.ofDays(366).plusMillis(1))),
                // Counted in milliseconds, this overflowed a long.
                Arguments.of("period", withPeriod(Duration.parse("P106751991167300D"))),
                Arguments.of("startsAt", new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, PERIOD, null)),
                Arguments.of("startsAt", new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, PERIOD,
                        Instant.parse("1969-12-31T23:59:59Z"))),
                Arguments.of("startsAt", new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, PERIOD,
                        Instant.parse("+10000-01-01T00:00:00Z"))));
    }

    private static ScheduleRotation withPeriod(Duration period) {
        return new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, RotationPeriod.of(period), STARTS_AT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT1S", "P366D", "P1W", "P2W", "P1M", "P3M"})
    void acceptsThePeriodsTheRulesAllow(String period) {
        fixture.givenCurrentTime(T0)
               .when(new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, RotationPeriod.parse(period), STARTS_AT))
               .expectEvents(new RotationScheduled(TEAM, SCHEDULE, MEMBERS, RotationPeriod.parse(period), STARTS_AT, T0))
               .expectScheduledDeadline(STARTS_AT, new RotationHandoffDue(SCHEDULE, 0));
    }

    @Test
    void aMonthlyScheduleHandsOffOnTheSameDayOfEachMonthInUtc() {
        Instant start = Instant.parse("2026-01-31T09:00:00Z");
        fixture.givenCurrentTime(Instant.parse("2026-02-10T00:00:00Z"))
               .when(new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, RotationPeriod.parse("P1M"), start))
               .expectScheduledDeadline(Instant.parse("2026-02-28T09:00:00Z"), new RotationHandoffDue(SCHEDULE, 1));
    }

    @Test
    void aScheduleAtTheEndOfYear9999HasOneHandoffAndNoDeadlineBeyondIt() {
        Instant last = Instant.parse("9999-12-31T00:00:00Z");
        fixture.givenCurrentTime(T0)
               .when(new ScheduleRotation(TEAM, SCHEDULE, MEMBERS, RotationPeriod.parse("P3M"), last))
               .expectSuccessfulHandlerExecution()
               .expectScheduledDeadline(last, new RotationHandoffDue(SCHEDULE, 0));
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
