package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.MetricTestData.SETTINGS;

import org.axonframework.test.aggregate.AggregateTestFixture;

/** An aggregate fixture wired the way the service wires the aggregate: injected clock and settings. */
record MetricFixture(AggregateTestFixture<MetricAggregate> fixture, SimulatedClock clock) {

    static MetricFixture create() {
        AggregateTestFixture<MetricAggregate> fixture = new AggregateTestFixture<>(MetricAggregate.class);
        SimulatedClock clock = new SimulatedClock(fixture::currentTime);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(SETTINGS);
        return new MetricFixture(fixture, clock);
    }
}
