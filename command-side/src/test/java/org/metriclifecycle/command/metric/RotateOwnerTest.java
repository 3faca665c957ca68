package org.metriclifecycle.command.metric;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.metriclifecycle.command.metric.LifecycleMatchers.appliedBySystem;
import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.OwnerChanged;
import org.metriclifecycle.events.OwnershipRotated;

class RotateOwnerTest {

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create().fixture();

    @Test
    void handsTheMetricToItsNextOwnerAsTheSystem() {
        OwnershipRotated rotated = new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 0, T0);
        fixture.givenCurrentTime(T0)
               .andGiven(proposed())
               .when(new RotateOwner(METRIC_ID, "ada", "s1", 0))
               .expectSuccessfulHandlerExecution()
               .expectEvents(rotated)
               .expectEventsMatching(exactSequenceOf(appliedBySystem(rotated, "scheduled rotation"), andNoMore()));
    }

    @Test
    void theSystemActorWinsOverTheCommandsMetadata() {
        SimpleCorrelationDataProvider actorAndReason =
                new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.REASON);
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(actorAndReason));
        OwnershipRotated rotated = new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 4, T0);
        fixture.givenCurrentTime(T0)
               .andGiven(proposed())
               .when(GenericCommandMessage.asCommandMessage(new RotateOwner(METRIC_ID, "ada", "s1", 4))
                                          .andMetaData(Map.of(EventMetadata.ACTOR, "lena")))
               .expectEventsMatching(exactSequenceOf(appliedBySystem(rotated, "scheduled rotation"), andNoMore()));
    }

    @Test
    void noEventWhenTheOwnerStaysTheSame() {
        fixture.given(proposed())
               .when(new RotateOwner(METRIC_ID, "carl", "s1", 0))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void rotatesAwayFromAnOwnerSetByHand() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 0, T0),
                       new OwnerChanged(METRIC_ID, "ada", "dora", T0))
               .when(new RotateOwner(METRIC_ID, "bob", "s1", 1))
               .expectEvents(new OwnershipRotated(METRIC_ID, "dora", "bob", "s1", 1, T0));
    }

    @ParameterizedTest(name = "handoff {0} after handoff 3")
    @ValueSource(longs = {0, 2, 3})
    void ignoresAHandoffNotLaterThanTheLastApplied(long handoff) {
        fixture.given(proposed(), new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 3, T0))
               .when(new RotateOwner(METRIC_ID, "bob", "s1", handoff))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void appliesALaterHandoff() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 3, T0))
               .when(new RotateOwner(METRIC_ID, "bob", "s1", 4))
               .expectEvents(new OwnershipRotated(METRIC_ID, "ada", "bob", "s1", 4, T0));
    }

    @Test
    void followsANewScheduleThatCountsFromZeroAgain() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 3, T0))
               .when(new RotateOwner(METRIC_ID, "bob", "s2", 0))
               .expectEvents(new OwnershipRotated(METRIC_ID, "ada", "bob", "s2", 0, T0));
    }

    @Test
    void ignoresAReplayedHandoffOfAnEarlierScheduleAfterANewOne() {
        fixture.given(proposed(), new OwnershipRotated(METRIC_ID, "carl", "ada", "s1", 3, T0),
                       new OwnershipRotated(METRIC_ID, "ada", "bob", "s2", 0, T0))
               .when(new RotateOwner(METRIC_ID, "dora", "s1", 2))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void passesADeprecatedMetricBySilently() {
        fixture.given(proposed(), deprecated())
               .when(new RotateOwner(METRIC_ID, "ada", "s1", 0))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void rejectsABlankOwner() {
        fixture.given(proposed())
               .when(new RotateOwner(METRIC_ID, " ", "s1", 0))
               .expectException(invalidField("owner"))
               .expectNoEvents();
    }
}
