package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.team.TeamTestData.SCHEDULE;
import static org.metriclifecycle.command.team.TeamTestData.T0;
import static org.metriclifecycle.command.team.TeamTestData.TEAM;
import static org.metriclifecycle.command.team.TeamTestData.admitted;
import static org.metriclifecycle.command.team.TeamTestData.scheduled;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.RotationStopped;

class StopRotationTest {

    private final AggregateTestFixture<TeamAggregate> fixture = TeamFixture.create().fixture();

    @Test
    void stopsTheScheduleInForce() {
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"), scheduled())
               .when(new StopRotation(TEAM))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new RotationStopped(TEAM, SCHEDULE, T0));
    }

    @Test
    void refusesATeamWithoutRotation() {
        fixture.given(admitted("m-1"))
               .when(new StopRotation(TEAM))
               .expectException(LifecycleConflictException.class)
               .expectExceptionMessage("team search has no rotation")
               .expectNoEvents();
    }

    @Test
    void refusesToStopTwice() {
        fixture.given(scheduled(), new RotationStopped(TEAM, SCHEDULE, T0))
               .when(new StopRotation(TEAM))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }

    @Test
    void anUnknownTeamIsNotFound() {
        fixture.givenNoPriorActivity()
               .when(new StopRotation(TEAM))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }
}
