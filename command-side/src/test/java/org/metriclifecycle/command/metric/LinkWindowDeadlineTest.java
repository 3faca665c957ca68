package org.metriclifecycle.command.metric;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.metriclifecycle.command.metric.LifecycleMatchers.appliedBySystem;
import static org.metriclifecycle.command.metric.MetricTestData.LINK_WINDOW;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.link;
import static org.metriclifecycle.command.metric.MetricTestData.propose;
import static org.metriclifecycle.command.metric.MetricTestData.record;
import static org.metriclifecycle.command.metric.MetricTestData.refuting;
import static org.metriclifecycle.command.metric.MetricTestData.supporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.MetricDeprioritized;

class LinkWindowDeadlineTest {

    private static final Instant CLOSES = T0.plus(LINK_WINDOW);

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create().fixture();

    private static MetricDeprioritized expired() {
        return new MetricDeprioritized(METRIC_ID, DeprioritizationRule.LINK_WINDOW_EXPIRED,
                "link window expired: no supported hypothesis within PT42S of proposal", CLOSES);
    }

    @Test
    void deprioritizesAProposedMetricWhenTheWindowCloses() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose())
               .whenTimeElapses(LINK_WINDOW)
               .expectTriggeredDeadlines(new LinkWindowDeadline(CLOSES))
               .expectTriggeredDeadlinesWithName(MetricAggregate.LINK_WINDOW_DEADLINE)
               .expectEvents(expired())
               .expectEventsMatching(exactSequenceOf(appliedBySystem(expired()), andNoMore()));
    }

    @Test
    void deprioritizesALinkedMetricWhoseHypothesisIsStillOpen() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link())
               .whenTimeAdvancesTo(CLOSES)
               .expectTriggeredDeadlinesWithName(MetricAggregate.LINK_WINDOW_DEADLINE)
               .expectEventsMatching(exactSequenceOf(appliedBySystem(expired()), andNoMore()));
    }

    @Test
    void inconclusiveEvidenceDoesNotKeepTheMetricAlive() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), record("c-1", 0.99, 10))
               .whenTimeElapses(LINK_WINDOW)
               .expectEvents(expired());
    }

    @Test
    void deprioritizesAMetricWhoseOnlyHypothesisWasRefuted() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), refuting("c-1"))
               .whenTimeElapses(LINK_WINDOW)
               .expectEvents(expired());
    }

    @Test
    void doesNothingBeforeTheWindowCloses() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link())
               .whenTimeElapses(LINK_WINDOW.minusMillis(1))
               .expectTriggeredDeadlines()
               .expectScheduledDeadline(Duration.ofMillis(1), new LinkWindowDeadline(CLOSES))
               .expectNoEvents();
    }

    @Test
    void ignoresADeadlineLeftOverFromAnEarlierWindow() {
        // Rewriting the scheduled payload stands in for the leftover deadline of an earlier window; see
        // ReviseDefinitionTest for the real case, a window restarted by a major revision.
        Instant earlierWindow = CLOSES.minus(LINK_WINDOW);
        fixture.registerDeadlineDispatchInterceptor(messages -> (index, message) ->
                GenericDeadlineMessage.asDeadlineMessage(message.getDeadlineName(),
                        new LinkWindowDeadline(earlierWindow), CLOSES));
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose())
               .whenTimeElapses(LINK_WINDOW)
               .expectTriggeredDeadlines(new LinkWindowDeadline(earlierWindow))
               .expectNoEvents();
    }

    @Test
    void leavesAValidatedMetricAlone() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), supporting("c-1"))
               .whenTimeElapses(LINK_WINDOW)
               .expectTriggeredDeadlinesWithName(MetricAggregate.LINK_WINDOW_DEADLINE)
               .expectNoEvents();
    }

    @Test
    void leavesADeprecatedMetricAlone() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), new DeprecateMetric(METRIC_ID, "abandoned", null))
               .whenTimeElapses(LINK_WINDOW)
               .expectTriggeredDeadlinesWithName(MetricAggregate.LINK_WINDOW_DEADLINE)
               .expectNoEvents();
    }

    @Test
    void firingTwiceDeprioritizesOnce() {
        // A durable deadline may be delivered again (a retry after a crash); the second delivery must be a no-op.
        fixture.registerDeadlineHandlerInterceptor((unitOfWork, chain) -> {
            chain.proceed();
            return chain.proceed();
        });
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link())
               .whenTimeElapses(LINK_WINDOW.multipliedBy(3))
               .expectEvents(expired());
    }

    @Test
    void systemActorWinsOverTheActorOfTheSchedulingCommand() {
        // As in the service: correlation data (actor, reason) flows from a command into what it schedules and from
        // a deadline into what it applies.
        SimpleCorrelationDataProvider actorAndReason =
                new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.REASON);
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(actorAndReason));
        fixture.registerDeadlineHandlerInterceptor(new CorrelationDataInterceptor<>(actorAndReason));
        fixture.givenCurrentTime(T0)
               .andGivenCommands(GenericCommandMessage.asCommandMessage(propose())
                                                      .andMetaData(Map.of(EventMetadata.ACTOR, "carl",
                                                              EventMetadata.REASON, "new eval")))
               .whenTimeElapses(LINK_WINDOW)
               .expectTriggeredDeadlinesMatching(exactSequenceOf(
                       matches((DeadlineMessage<?> deadline) ->
                               "carl".equals(deadline.getMetaData().get(EventMetadata.ACTOR))),
                       andNoMore()))
               .expectEventsMatching(exactSequenceOf(appliedBySystem(expired()), andNoMore()));
    }
}
