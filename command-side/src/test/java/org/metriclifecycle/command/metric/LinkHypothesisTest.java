package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.MetricTestData.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.events.evidence.DecisionRule;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.HYPOTHESIS_ID;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;
import static org.metriclifecycle.command.metric.MetricTestData.link;
import static org.metriclifecycle.command.metric.MetricTestData.linked;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;

import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;

class LinkHypothesisTest {

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create().fixture();

    @Test
    void linksAHypothesisWithItsCriteria() {
        fixture.given(proposed())
               .when(link())
               .expectSuccessfulHandlerExecution()
               // Linked from now on: INTERVAL at the default confidence.
               .expectEvents(linkedInterval(HYPOTHESIS_ID, Direction.POSITIVE))
               .expectNoScheduledDeadlines();
    }

    @Test
    void linksASecondHypothesis() {
        fixture.given(proposed(), linked())
               .when(link("hypothesis-2", Direction.NEGATIVE))
               .expectEvents(linkedInterval("hypothesis-2", Direction.NEGATIVE));
    }

    @Test
    void acceptsTheBoundaryCriteria() {
        fixture.given(proposed())
               .when(new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, "errors", "tracks errors", Direction.POSITIVE, 1.0,
                       3))
               .expectEvents(new HypothesisLinked(METRIC_ID, HYPOTHESIS_ID, "errors", "tracks errors",
                       Direction.POSITIVE, 1.0, 3, DecisionRule.INTERVAL, 0.95));
    }

    @Test
    void linksAPointHypothesisWithItsConfidenceWhenAsked() {
        fixture.given(proposed())
               .when(new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, "errors", "tracks errors", Direction.POSITIVE, 0.5,
                       30, DecisionRule.POINT, 0.9))
               .expectEvents(new HypothesisLinked(METRIC_ID, HYPOTHESIS_ID, "errors", "tracks errors",
                       Direction.POSITIVE, 0.5, 30, DecisionRule.POINT, 0.9));
    }

    @ParameterizedTest(name = "confidence {0} is refused")
    @ValueSource(doubles = {0.5, 1.0, 0.2, 1.5, Double.NaN})
    void refusesAConfidenceOutsideHalfToOne(double confidence) {
        fixture.given(proposed())
               .when(new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, "errors", "tracks errors", Direction.POSITIVE, 0.5,
                       30, DecisionRule.INTERVAL, confidence))
               .expectException(LifecycleMatchers.invalidField("confidence"))
               .expectNoEvents();
    }

    @Test
    void refusesToLinkTheSameHypothesisTwice() {
        fixture.given(proposed(), linked())
               .when(link())
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }

    @Test
    void refusesADeprecatedMetric() {
        fixture.given(proposed(), deprecated())
               .when(link())
               .expectException(LifecycleConflictException.class)
               .expectExceptionMessage("metric metric-1 is DEPRECATED and accepts no further commands")
               .expectNoEvents();
    }

    static Stream<Arguments> invalidLinks() {
        LinkHypothesis l = link();
        return Stream.of(
                Arguments.of("hypothesisId", new LinkHypothesis(METRIC_ID, "", l.outcome(), l.statement(),
                        l.direction(), l.minCorrelation(), l.minSampleSize())),
                Arguments.of("outcome", new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, " ", l.statement(),
                        l.direction(), l.minCorrelation(), l.minSampleSize())),
                Arguments.of("statement", new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, l.outcome(), null,
                        l.direction(), l.minCorrelation(), l.minSampleSize())),
                Arguments.of("direction", new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, l.outcome(), l.statement(),
                        null, l.minCorrelation(), l.minSampleSize())),
                Arguments.of("minCorrelation", new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, l.outcome(),
                        l.statement(), l.direction(), 0.0, l.minSampleSize())),
                Arguments.of("minCorrelation", new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, l.outcome(),
                        l.statement(), l.direction(), -0.5, l.minSampleSize())),
                Arguments.of("minCorrelation", new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, l.outcome(),
                        l.statement(), l.direction(), 1.01, l.minSampleSize())),
                Arguments.of("minCorrelation", new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, l.outcome(),
                        l.statement(), l.direction(), Double.NaN, l.minSampleSize())),
                Arguments.of("minSampleSize", new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, l.outcome(),
                        l.statement(), l.direction(), l.minCorrelation(), 2)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidLinks")
    void rejectsAnInvalidArgument(String field, LinkHypothesis command) {
        fixture.given(proposed())
               .when(command)
               .expectException(InvalidCommandException.class)
               .expectException(invalidField(field))
               .expectNoEvents();
    }
}
