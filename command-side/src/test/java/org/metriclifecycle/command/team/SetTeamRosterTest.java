package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.team.TeamTestData.PERIOD;
import static org.metriclifecycle.command.team.TeamTestData.SCHEDULE;
import static org.metriclifecycle.command.team.TeamTestData.STARTS_AT;
import static org.metriclifecycle.command.team.TeamTestData.T0;
import static org.metriclifecycle.command.team.TeamTestData.TEAM;
import static org.metriclifecycle.command.team.TeamTestData.scheduled;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.events.RotationOverrideAdded;
import org.metriclifecycle.events.RotationScheduled;
import org.metriclifecycle.events.TeamRosterSet;

/** The roster, and what it governs inside the team's stream: rotation members and overrides. */
class SetTeamRosterTest {

    private static final TeamRosterSet ROSTER = new TeamRosterSet(TEAM, List.of(), List.of("ada", "Bob", "carl", "dora"), T0);

    private final AggregateTestFixture<TeamAggregate> fixture = TeamFixture.create().fixture();

    @Test
    void createsTheTeamWithItsFirstRoster() {
        fixture.givenCurrentTime(T0)
               .when(new SetTeamRoster(TEAM, List.of("ada", "Bob", "carl", "dora")))
               .expectSuccessfulHandlerExecution()
               .expectEvents(ROSTER);
    }

    @Test
    void aNewRosterRecordsTheOneItReplaced() {
        fixture.givenCurrentTime(T0)
               .andGiven(ROSTER)
               .when(new SetTeamRoster(TEAM, List.of("ada", "erin")))
               .expectEvents(new TeamRosterSet(TEAM, List.of("ada", "Bob", "carl", "dora"), List.of("ada", "erin"), T0));
    }

    @Test
    void namesAreComparedCaseInsensitively() {
        fixture.givenNoPriorActivity()
               .when(new SetTeamRoster(TEAM, List.of("lena", "Lena")))
               .expectException(InvalidCommandException.class)
               .expectException(invalidField("members"))
               .expectNoEvents();
    }

    @Test
    void refusesAnEmptyOrOversizedOrBlankRoster() {
        List<String> tooMany = new ArrayList<>(IntStream.range(0, 201).mapToObj(i -> "person-" + i).toList());
        for (List<String> members : List.of(List.<String>of(), tooMany, List.of("ada", " "))) {
            fixture.givenNoPriorActivity()
                   .when(new SetTeamRoster(TEAM, members))
                   .expectException(invalidField("members"))
                   .expectNoEvents();
        }
    }

    @Test
    void acceptsTwoHundredPeople() {
        List<String> members = IntStream.range(0, 200).mapToObj(i -> "person-" + i).toList();
        fixture.givenCurrentTime(T0)
               .when(new SetTeamRoster(TEAM, members))
               .expectEvents(new TeamRosterSet(TEAM, List.of(), members, T0));
    }

    @Test
    void rotationMembersMustBeOnTheRosterAndTakeItsSpelling() {
        fixture.givenCurrentTime(T0)
               .andGiven(ROSTER)
               .when(new ScheduleRotation(TEAM, SCHEDULE, List.of("ADA", "bob"), PERIOD, STARTS_AT))
               .expectEvents(new RotationScheduled(TEAM, SCHEDULE, List.of("ada", "Bob"), PERIOD, STARTS_AT, T0));
    }

    @Test
    void aRotationMemberOffTheRosterIsRefused() {
        fixture.givenCurrentTime(T0)
               .andGiven(ROSTER)
               .when(new ScheduleRotation(TEAM, SCHEDULE, List.of("ada", "ghost"), PERIOD, STARTS_AT))
               .expectException(invalidField("members"))
               .expectNoEvents();
    }

    @Test
    void withoutARosterAnyoneMayStandInTheRotation() {
        fixture.givenCurrentTime(T0)
               .when(new ScheduleRotation(TEAM, SCHEDULE, List.of("ada", "ghost"), PERIOD, STARTS_AT))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRotationNamingOnePersonTwiceInAnyCaseIsRefused() {
        fixture.givenCurrentTime(T0)
               .when(new ScheduleRotation(TEAM, SCHEDULE, List.of("lena", "Lena"), PERIOD, STARTS_AT))
               .expectException(invalidField("members"))
               .expectNoEvents();
    }

    @Test
    void anOverridesReplacementMustBeOnTheRoster() {
        fixture.givenCurrentTime(T0)
               .andGiven(ROSTER, scheduled())
               .when(new AddRotationOverride(TEAM, "o-1", "bob", "ghost", T0, T0.plusSeconds(60)))
               .expectException(invalidField("replacement"))
               .expectNoEvents();
    }

    @Test
    void anOverridesReplacementTakesTheRostersSpelling() {
        fixture.givenCurrentTime(T0)
               .andGiven(ROSTER, scheduled())
               .when(new AddRotationOverride(TEAM, "o-1", "bob", "DORA", T0, T0.plusSeconds(60)))
               .expectEvents(new RotationOverrideAdded(TEAM, "o-1", "bob", "dora", T0, T0.plusSeconds(60)));
    }

    @Test
    void anOverridesMemberMustBeOnTheRoster() {
        fixture.givenCurrentTime(T0)
               .andGiven(ROSTER, scheduled())
               .when(new AddRotationOverride(TEAM, "o-1", "ghost", "dora", T0, T0.plusSeconds(60)))
               .expectException(invalidField("member"))
               .expectNoEvents();
    }
}
