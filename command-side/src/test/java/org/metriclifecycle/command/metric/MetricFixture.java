package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.MetricTestData.SETTINGS;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.metriclifecycle.command.SimulatedClock;

/**
 * An aggregate fixture wired the way the service wires the aggregate: injected clock and settings, and proposal and
 * deprecation handled outside the aggregate (see {@link FixtureMetricAdmission}).
 */
record MetricFixture(AggregateTestFixture<MetricAggregate> fixture, SimulatedClock clock) {

    static MetricFixture create() {
        return create(SETTINGS);
    }

    static MetricFixture create(org.metriclifecycle.command.LifecycleSettings settings) {
        AggregateTestFixture<MetricAggregate> fixture = new AggregateTestFixture<>(MetricAggregate.class);
        SimulatedClock clock = new SimulatedClock(fixture::currentTime);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(settings);
        fixture.registerAnnotatedCommandHandler(new FixtureMetricAdmission(fixture.getRepository()));
        return new MetricFixture(fixture, clock);
    }
}
