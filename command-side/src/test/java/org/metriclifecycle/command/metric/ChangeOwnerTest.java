package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.OwnerChanged;
import org.metriclifecycle.events.OwnershipRotated;

class ChangeOwnerTest {

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create().fixture();

    @Test
    void recordsThePreviousAndTheNewOwner() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed())
               .when(new ChangeOwner(METRIC_ID, "ada"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new OwnerChanged(METRIC_ID, "carl", "ada", T0))
               .expectNoScheduledDeadlines();
    }

    @Test
    void namingTheCurrentOwnerChangesNothing() {
        fixture.given(proposed())
               .when(new ChangeOwner(METRIC_ID, "carl"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void startsFromTheOwnerTheRotationLeft() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 0, T0))
               .when(new ChangeOwner(METRIC_ID, "bob"))
               .expectEvents(new OwnerChanged(METRIC_ID, "ada", "bob", T0));
    }

    @Test
    void aRotatedOwnerIsTheCurrentOne() {
        fixture.given(proposed(), new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 0, T0))
               .when(new ChangeOwner(METRIC_ID, "ada"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void rejectsABlankOwner(String owner) {
        fixture.given(proposed())
               .when(new ChangeOwner(METRIC_ID, owner))
               .expectException(invalidField("owner"))
               .expectNoEvents();
    }

    @Test
    void refusesADeprecatedMetric() {
        fixture.given(proposed(), deprecated())
               .when(new ChangeOwner(METRIC_ID, "ada"))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }
}
