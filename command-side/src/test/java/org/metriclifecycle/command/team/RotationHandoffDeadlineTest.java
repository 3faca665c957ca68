package org.metriclifecycle.command.team;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.metriclifecycle.command.metric.LifecycleMatchers.appliedBySystem;
import static org.metriclifecycle.command.team.TeamTestData.SCHEDULE;
import static org.metriclifecycle.command.team.TeamTestData.STARTS_AT;
import static org.metriclifecycle.command.team.TeamTestData.T0;
import static org.metriclifecycle.command.team.TeamTestData.TEAM;
import static org.metriclifecycle.command.team.TeamTestData.admitted;
import static org.metriclifecycle.command.team.TeamTestData.handoffAt;
import static org.metriclifecycle.command.team.TeamTestData.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.RotationAssignment;
import org.metriclifecycle.events.RotationHandoffReached;
import org.metriclifecycle.events.RotationOverrideAdded;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.TeamMetricReleased;

class RotationHandoffDeadlineTest {

    private static final String REASON = "scheduled rotation";

    private final TeamFixture team = TeamFixture.create();
    private final AggregateTestFixture<TeamAggregate> fixture = team.fixture();

    /** The handoff of {@link TeamTestData#schedule()} number {@code handoff}; {@code owners} pair metric and owner. */
    private static RotationHandoffReached handoff(long handoff, String... owners) {
        return handoff(SCHEDULE, handoff, handoffAt(handoff), owners);
    }

    private static RotationHandoffReached handoff(String scheduleId, long handoff, Instant at,
                                                  String... owners) {
        List<RotationAssignment> assignments = new ArrayList<>();
        for (int i = 0; i < owners.length; i += 2) {
            assignments.add(new RotationAssignment(owners[i], owners[i + 1]));
        }
        return new RotationHandoffReached(TEAM, scheduleId, handoff, at, assignments);
    }

    /** Four metrics admitted in order, and the rotation scheduled at T0 with its first handoff at STARTS_AT. */
    private TestExecutor<TeamAggregate> fourMetricsRotating() {
        return fixture.givenCurrentTime(T0)
                      .andGiven(admitted("m-1"), admitted("m-2"), admitted("m-3"), admitted("m-4"))
                      .andGivenCommands(schedule());
    }

    @Test
    void theFirstHandoffAssignsTheMetricsInAdmissionOrder() {
        RotationHandoffReached first = handoff(0, "m-1", "ada", "m-2", "bob", "m-3", "carl", "m-4", "ada");
        fourMetricsRotating()
                .whenTimeAdvancesTo(STARTS_AT)
                .expectTriggeredDeadlines(new RotationHandoffDue(SCHEDULE, 0))
                .expectEventsMatching(exactSequenceOf(appliedBySystem(first, REASON), andNoMore()))
                .expectScheduledDeadline(handoffAt(1), new RotationHandoffDue(SCHEDULE, 1))
                .expectScheduledDeadlineWithName(handoffAt(1), TeamAggregate.ROTATION_HANDOFF_DEADLINE);
    }

    @Test
    void theLastHandoffInYear9999SchedulesNoFurtherOne() {
        Instant last = Instant.parse("9999-12-31T00:00:00Z");
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"))
               .andGivenCommands(new ScheduleRotation(TEAM, SCHEDULE, TeamTestData.MEMBERS,
                       RotationPeriod.parse("P3M"), last))
               .whenTimeAdvancesTo(last)
               .expectTriggeredDeadlines(new RotationHandoffDue(SCHEDULE, 0))
               .expectEvents(handoff(SCHEDULE, 0, last, "m-1", "ada"))
               .expectNoScheduledDeadlines();
    }

    @Test
    void aMonthlyRotationHandsOffOnTheLastDayOfShorterMonths() {
        Instant start = Instant.parse("2026-01-31T09:00:00Z");
        Instant february = Instant.parse("2026-02-28T09:00:00Z");
        fixture.givenCurrentTime(Instant.parse("2026-01-30T00:00:00Z"))
               .andGiven(admitted("m-1"))
               .andGivenCommands(new ScheduleRotation(TEAM, SCHEDULE, TeamTestData.MEMBERS,
                       RotationPeriod.parse("P1M"), start))
               .whenTimeAdvancesTo(february)
               .expectEvents(handoff(SCHEDULE, 0, start, "m-1", "ada"), handoff(SCHEDULE, 1, february, "m-1", "bob"))
               .expectScheduledDeadline(Instant.parse("2026-03-31T09:00:00Z"), new RotationHandoffDue(SCHEDULE, 2));
    }

    @Test
    void eachHandoffMovesEveryMetricOnToTheNextMember() {
        fourMetricsRotating()
                .whenTimeAdvancesTo(handoffAt(1))
                .expectEvents(handoff(0, "m-1", "ada", "m-2", "bob", "m-3", "carl", "m-4", "ada"),
                        handoff(1, "m-1", "bob", "m-2", "carl", "m-3", "ada", "m-4", "bob"))
                .expectScheduledDeadline(handoffAt(2), new RotationHandoffDue(SCHEDULE, 2));
    }

    @Test
    void aReleasedMetricLeavesTheRotationAndTheOthersCloseUp() {
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"), admitted("m-2"), admitted("m-3"), new TeamMetricReleased(TEAM, "m-2", T0))
               .andGivenCommands(schedule())
               .whenTimeAdvancesTo(STARTS_AT)
               .expectEvents(handoff(0, "m-1", "ada", "m-3", "bob"));
    }

    @Test
    void anAbsentMembersTurnGoesToTheReplacementWhileTheOverrideLasts() {
        // bob is away from T0+5s to T0+15s: handoff 0 (T0+10s) skips him, handoff 1 (T0+20s) does not.
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"), admitted("m-2"), admitted("m-3"))
               .andGivenCommands(schedule())
               .andGiven(new RotationOverrideAdded(TEAM, "o-1", "bob", "dora", T0.plusSeconds(5),
                       T0.plusSeconds(15)))
               .whenTimeAdvancesTo(handoffAt(1))
               .expectEvents(handoff(0, "m-1", "ada", "m-2", "dora", "m-3", "carl"),
                       handoff(1, "m-1", "bob", "m-2", "carl", "m-3", "ada"));
    }

    @Test
    void aTeamWithoutMetricsStillRecordsItsHandoffs() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(schedule())
               .whenTimeAdvancesTo(STARTS_AT)
               .expectEvents(handoff(0));
    }

    @Test
    void aReplacedSchedulesDeadlineDoesNothing() {
        fourMetricsRotating()
                .andGivenCommands(schedule("schedule-2", T0.plusSeconds(15)))
                .whenTimeAdvancesTo(T0.plusSeconds(12))
                .expectTriggeredDeadlines(new RotationHandoffDue(SCHEDULE, 0))
                .expectNoEvents();
    }

    @Test
    void theReplacingScheduleHandsOffOnItsOwnTimes() {
        fourMetricsRotating()
                .andGivenCommands(schedule("schedule-2", T0.plusSeconds(15)))
                .whenTimeAdvancesTo(T0.plusSeconds(15))
                .expectEvents(handoff("schedule-2", 0, T0.plusSeconds(15),
                        "m-1", "ada", "m-2", "bob", "m-3", "carl", "m-4", "ada"))
                .expectScheduledDeadline(T0.plusSeconds(25), new RotationHandoffDue("schedule-2", 1));
    }

    @Test
    void aStoppedSchedulesDeadlineDoesNothingAndSchedulesNoMore() {
        fourMetricsRotating()
                .andGivenCommands(new StopRotation(TEAM))
                .whenTimeAdvancesTo(handoffAt(3))
                .expectTriggeredDeadlines(new RotationHandoffDue(SCHEDULE, 0))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void afterDowntimeOnlyTheLatestDueHandoffIsApplied() {
        TestExecutor<TeamAggregate> given = fixture.givenCurrentTime(T0)
                                                   .andGiven(admitted("m-1"), admitted("m-2"), admitted("m-3"))
                                                   .andGivenCommands(schedule());
        // The first handoff's deadline is delivered 35 s late: handoffs 0 to 3 have all fallen due.
        team.clock().shiftBy(Duration.ofSeconds(35));
        given.whenTimeAdvancesTo(STARTS_AT)
             .expectTriggeredDeadlines(new RotationHandoffDue(SCHEDULE, 0))
             .expectEvents(handoff(3, "m-1", "ada", "m-2", "bob", "m-3", "carl"))
             .expectScheduledDeadline(handoffAt(4), new RotationHandoffDue(SCHEDULE, 4));
    }

    @Test
    void firingTwiceAppliesTheHandoffOnce() {
        fixture.registerDeadlineHandlerInterceptor((unitOfWork, chain) -> {
            chain.proceed();
            return chain.proceed();
        });
        fourMetricsRotating()
                .whenTimeAdvancesTo(STARTS_AT)
                .expectEvents(handoff(0, "m-1", "ada", "m-2", "bob", "m-3", "carl", "m-4", "ada"));
    }

    @Test
    void theSystemActorWinsOverTheActorOfTheSchedulingCommand() {
        SimpleCorrelationDataProvider actorAndReason =
                new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.REASON);
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(actorAndReason));
        fixture.registerDeadlineHandlerInterceptor(new CorrelationDataInterceptor<>(actorAndReason));
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"))
               .andGivenCommands(GenericCommandMessage.asCommandMessage(schedule())
                                                      .andMetaData(Map.of(EventMetadata.ACTOR, "lena",
                                                              EventMetadata.REASON, "fresh eyes")))
               .whenTimeAdvancesTo(STARTS_AT)
               .expectTriggeredDeadlinesMatching(exactSequenceOf(
                       matches((DeadlineMessage<?> deadline) ->
                               "lena".equals(deadline.getMetaData().get(EventMetadata.ACTOR))),
                       andNoMore()))
               .expectEventsMatching(exactSequenceOf(appliedBySystem(handoff(0, "m-1", "ada"), REASON),
                       andNoMore()));
    }
}
