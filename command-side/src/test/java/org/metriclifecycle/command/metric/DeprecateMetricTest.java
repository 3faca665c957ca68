package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;
import static org.metriclifecycle.command.metric.MetricTestData.link;
import static org.metriclifecycle.command.metric.MetricTestData.linked;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;
import static org.metriclifecycle.command.metric.MetricTestData.recorded;
import static org.metriclifecycle.command.metric.MetricTestData.supporting;

import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.Verdict;

class DeprecateMetricTest {

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create().fixture();

    @Test
    void deprecatesWithAReason() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed())
               .when(new DeprecateMetric(METRIC_ID, "nobody reads it", null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new MetricDeprecated(METRIC_ID, "nobody reads it", null, T0));
    }

    @Test
    void deprecatesAValidatedMetricInFavourOfAReplacement() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), recorded("c-1", 0.9, 500, Verdict.SUPPORTED, T0))
               .when(new DeprecateMetric(METRIC_ID, "replaced by a sharper eval", "metric-2"))
               .expectEvents(new MetricDeprecated(METRIC_ID, "replaced by a sharper eval", "metric-2", T0));
    }

    @Test
    void rejectsReplacementByItself() {
        fixture.given(proposed())
               .when(new DeprecateMetric(METRIC_ID, "renamed", METRIC_ID))
               .expectException(InvalidCommandException.class)
               .expectException(invalidField("replacedBy"))
               .expectNoEvents();
    }

    @Test
    void rejectsABlankReason() {
        fixture.given(proposed())
               .when(new DeprecateMetric(METRIC_ID, "  ", null))
               .expectException(invalidField("reason"))
               .expectNoEvents();
    }

    static Stream<Object> everyCommandOnAnExistingMetric() {
        return Stream.of(
                new DeprecateMetric(METRIC_ID, "again", null),
                new DeprecateMetric(METRIC_ID, "again", "metric-2"),
                link(),
                supporting("c-1"),
                new ChangeOwner(METRIC_ID, "ada"),
                new ReviseDefinition(METRIC_ID, "2.0", "new judge", null, null),
                new RecordBlindSpot(METRIC_ID, "b-1", "missed", "not caught", null));
    }

    @ParameterizedTest
    @MethodSource("everyCommandOnAnExistingMetric")
    void refusesEveryCommandOnceDeprecated(Object command) {
        fixture.given(proposed(), linked(), deprecated())
               .when(command)
               .expectException(LifecycleConflictException.class)
               .expectExceptionMessage("metric metric-1 is DEPRECATED and accepts no further commands")
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }

    @Test
    void conflictOutranksInvalidArguments() {
        // A deprecated metric is final: the answer must not depend on what the late command carried.
        fixture.given(proposed(), deprecated())
               .when(new DeprecateMetric(METRIC_ID, "", METRIC_ID))
               .expectException(LifecycleConflictException.class);
    }
}
