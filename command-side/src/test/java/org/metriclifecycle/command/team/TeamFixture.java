package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.team.TeamTestData.ROTATION;
import static org.metriclifecycle.command.team.TeamTestData.SETTINGS;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.metriclifecycle.command.SimulatedClock;

/** An aggregate fixture wired the way the service wires the team: injected clock and team settings. */
record TeamFixture(AggregateTestFixture<TeamAggregate> fixture, SimulatedClock clock) {

    static TeamFixture create() {
        AggregateTestFixture<TeamAggregate> fixture = new AggregateTestFixture<>(TeamAggregate.class);
        SimulatedClock clock = new SimulatedClock(fixture::currentTime);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(SETTINGS);
        fixture.registerInjectableResource(ROTATION);
        return new TeamFixture(fixture, clock);
    }
}
