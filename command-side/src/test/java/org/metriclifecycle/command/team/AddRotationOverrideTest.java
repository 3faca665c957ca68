package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.team.TeamTestData.SCHEDULE;
import static org.metriclifecycle.command.team.TeamTestData.T0;
import static org.metriclifecycle.command.team.TeamTestData.TEAM;
import static org.metriclifecycle.command.team.TeamTestData.admitted;
import static org.metriclifecycle.command.team.TeamTestData.scheduled;

import java.time.Instant;
import java.util.stream.Stream;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.RotationOverrideAdded;
import org.metriclifecycle.events.RotationStopped;

class AddRotationOverrideTest {

    private static final Instant FROM = T0.plusSeconds(5);
    private static final Instant TO = T0.plusSeconds(15);

    private final AggregateTestFixture<TeamAggregate> fixture = TeamFixture.create().fixture();

    private static AddRotationOverride away(String member, String replacement) {
        return new AddRotationOverride(TEAM, "o-1", member, replacement, FROM, TO);
    }

    @Test
    void recordsTheAbsence() {
        fixture.given(admitted("m-1"), scheduled())
               .when(away("bob", "dora"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new RotationOverrideAdded(TEAM, "o-1", "bob", "dora", FROM, TO));
    }

    @Test
    void theReplacementMayBeAnotherMember() {
        fixture.given(scheduled())
               .when(away("bob", "ada"))
               .expectEvents(new RotationOverrideAdded(TEAM, "o-1", "bob", "ada", FROM, TO));
    }

    @Test
    void refusesATeamWithoutRotation() {
        fixture.given(admitted("m-1"))
               .when(away("bob", "dora"))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }

    @Test
    void refusesAStoppedRotation() {
        fixture.given(scheduled(), new RotationStopped(TEAM, SCHEDULE, T0))
               .when(away("bob", "dora"))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }

    @Test
    void anUnknownTeamIsNotFound() {
        fixture.givenNoPriorActivity()
               .when(away("bob", "dora"))
               .expectException(AggregateNotFoundException.class);
    }

    static Stream<Arguments> invalidOverrides() {
        return Stream.of(
                Arguments.of("overrideId", new AddRotationOverride(TEAM, " ", "bob", "dora", FROM, TO)),
                Arguments.of("member", away("dora", "erin")),
                Arguments.of("member", away(null, "erin")),
                Arguments.of("replacement", away("bob", " ")),
                Arguments.of("replacement", away("bob", null)),
                Arguments.of("replacement", away("bob", "bob")),
                Arguments.of("from", new AddRotationOverride(TEAM, "o-1", "bob", "dora", null, TO)),
                Arguments.of("to", new AddRotationOverride(TEAM, "o-1", "bob", "dora", FROM, null)),
                Arguments.of("to", new AddRotationOverride(TEAM, "o-1", "bob", "dora", FROM, FROM)),
                Arguments.of("to", new AddRotationOverride(TEAM, "o-1", "bob", "dora", TO, FROM)),
                Arguments.of("from", new AddRotationOverride(TEAM, "o-1", "bob", "dora",
                        Instant.parse("1969-12-31T23:59:59Z"), TO)),
                Arguments.of("to", new AddRotationOverride(TEAM, "o-1", "bob", "dora", FROM,
                        Instant.parse("+1000000000-01-01T00:00:00Z"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidOverrides")
    void rejectsAnInvalidOverride(String field, AddRotationOverride command) {
        fixture.given(scheduled())
               .when(command)
               .expectException(InvalidCommandException.class)
               .expectException(invalidField(field))
               .expectNoEvents();
    }
}
