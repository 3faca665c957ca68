package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.LINK_WINDOW;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.propose;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;

import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.events.MetricProposed;

class ProposeMetricTest {

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create().fixture();

    @Test
    void proposesWithALinkDeadlineOneWindowAfterProposal() {
        fixture.givenCurrentTime(T0)
               .when(propose())
               .expectSuccessfulHandlerExecution()
               .expectEvents(proposed())
               .expectResultMessagePayload(METRIC_ID);
    }

    @Test
    void schedulesTheLinkWindowDeadlineAtTheLinkDeadline() {
        fixture.givenCurrentTime(T0)
               .when(propose())
               .expectScheduledDeadline(LINK_WINDOW, new LinkWindowDeadline(T0.plus(LINK_WINDOW)))
               .expectScheduledDeadlineWithName(T0.plus(LINK_WINDOW), MetricAggregate.LINK_WINDOW_DEADLINE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void defaultsTheVersionWhenAbsent(String version) {
        ProposeMetric p = propose();
        MetricProposed expected = proposed();
        fixture.givenCurrentTime(T0)
               .when(new ProposeMetric(p.metricId(), p.name(), p.description(), p.team(), p.owner(), version,
                       p.validFor(), p.rationale(), null, null))
               .expectEvents(new MetricProposed(expected.metricId(), expected.name(), expected.description(),
                       expected.team(), expected.owner(), "1.0", expected.validFor(), expected.rationale(),
                       expected.proposedAt(), expected.linkDeadline()));
    }

    @Test
    void keepsAGivenVersionAndLeavesOptionalFieldsEmpty() {
        fixture.givenCurrentTime(T0)
               .when(new ProposeMetric(METRIC_ID, "Pass rate", null, "search", "carl", "2.3", null, null, null, null))
               .expectEvents(new MetricProposed(METRIC_ID, "Pass rate", null, "search", "carl", "2.3", null, null,
                       T0, T0.plus(LINK_WINDOW)));
    }

    static Stream<Arguments> invalidProposals() {
        ProposeMetric p = propose();
        return Stream.of(
                Arguments.of("metricId", new ProposeMetric(" ", p.name(), p.description(), p.team(), p.owner(),
                        p.version(), p.validFor(), p.rationale(), null, null)),
                Arguments.of("name", new ProposeMetric(p.metricId(), " \t", p.description(), p.team(), p.owner(),
                        p.version(), p.validFor(), p.rationale(), null, null)),
                Arguments.of("name", new ProposeMetric(p.metricId(), null, p.description(), p.team(), p.owner(),
                        p.version(), p.validFor(), p.rationale(), null, null)),
                Arguments.of("team", new ProposeMetric(p.metricId(), p.name(), p.description(), "", p.owner(),
                        p.version(), p.validFor(), p.rationale(), null, null)),
                Arguments.of("owner", new ProposeMetric(p.metricId(), p.name(), p.description(), p.team(), null,
                        p.version(), p.validFor(), p.rationale(), null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidProposals")
    void rejectsAMissingRequiredField(String field, ProposeMetric command) {
        fixture.givenCurrentTime(T0)
               .when(command)
               .expectException(InvalidCommandException.class)
               .expectException(invalidField(field))
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }
}
