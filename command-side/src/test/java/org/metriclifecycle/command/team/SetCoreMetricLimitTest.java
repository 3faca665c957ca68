package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.team.TeamTestData.T0;
import static org.metriclifecycle.command.team.TeamTestData.TEAM;
import static org.metriclifecycle.command.team.TeamTestData.admitted;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.events.CoreMetricLimitChanged;

class SetCoreMetricLimitTest {

    private final AggregateTestFixture<TeamAggregate> fixture = TeamFixture.create().fixture();

    @Test
    void createsTheTeamWithTheDefaultAsThePreviousLimit() {
        fixture.givenCurrentTime(T0)
               .when(new SetCoreMetricLimit(TEAM, 5))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new CoreMetricLimitChanged(TEAM, 3, 5, T0));
    }

    @Test
    void changesTheLimitOfAnExistingTeam() {
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"), new CoreMetricLimitChanged(TEAM, 3, 5, T0))
               .when(new SetCoreMetricLimit(TEAM, 2))
               .expectEvents(new CoreMetricLimitChanged(TEAM, 5, 2, T0));
    }

    @Test
    void recordsSettingTheLimitAlreadyInForce() {
        // An audited decision: it also pins the team's limit against later changes of the default.
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"))
               .when(new SetCoreMetricLimit(TEAM, 3))
               .expectEvents(new CoreMetricLimitChanged(TEAM, 3, 3, T0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void acceptsTheBounds(int limit) {
        fixture.givenCurrentTime(T0)
               .when(new SetCoreMetricLimit(TEAM, limit))
               .expectEvents(new CoreMetricLimitChanged(TEAM, 3, limit, T0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void rejectsALimitOutOfRange(int limit) {
        fixture.givenNoPriorActivity()
               .when(new SetCoreMetricLimit(TEAM, limit))
               .expectException(InvalidCommandException.class)
               .expectException(invalidField("coreMetricLimit"))
               .expectNoEvents();
    }

    @Test
    void rejectsABlankTeam() {
        fixture.givenNoPriorActivity()
               .when(new SetCoreMetricLimit(" ", 5))
               .expectException(invalidField("team"))
               .expectNoEvents();
    }
}
