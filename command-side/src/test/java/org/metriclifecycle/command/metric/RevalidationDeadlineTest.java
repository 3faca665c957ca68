package org.metriclifecycle.command.metric;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.metriclifecycle.command.metric.LifecycleMatchers.appliedBySystem;
import static org.metriclifecycle.command.metric.MetricTestData.LINK_WINDOW;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.REVALIDATION_INTERVAL;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.link;
import static org.metriclifecycle.command.metric.MetricTestData.linked;
import static org.metriclifecycle.command.metric.MetricTestData.propose;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;
import static org.metriclifecycle.command.metric.MetricTestData.record;
import static org.metriclifecycle.command.metric.MetricTestData.refuting;
import static org.metriclifecycle.command.metric.MetricTestData.supporting;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.MetricDeprioritized;

class RevalidationDeadlineTest {

    private static final Instant DUE = T0.plus(REVALIDATION_INTERVAL);
    private static final Duration LATER = Duration.ofSeconds(30);

    private final MetricFixture metric = MetricFixture.create();
    private final AggregateTestFixture<MetricAggregate> fixture = metric.fixture();

    private static MetricDeprioritized lapsed(Instant supportedAt, Instant at) {
        return new MetricDeprioritized(METRIC_ID, DeprioritizationRule.REVALIDATION_LAPSED,
                "revalidation lapsed: no supporting correlation since " + supportedAt, at);
    }

    /** Proposed, linked and supported at T0, then supported again {@link #LATER}, before any deadline fired. */
    private TestExecutor<MetricAggregate> supportedTwice() {
        TestExecutor<MetricAggregate> given = fixture.givenCurrentTime(T0)
                                                     .andGivenCommands(propose(), link(), supporting("c-1"));
        metric.clock().shiftBy(LATER);
        given.andGivenCommands(supporting("c-2"));
        metric.clock().shiftBy(Duration.ZERO);
        return given;
    }

    @Test
    void deprioritizesAValidatedMetricWhenRevalidationLapses() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), supporting("c-1"))
               .whenTimeElapses(REVALIDATION_INTERVAL)
               .expectTriggeredDeadlines(new LinkWindowDeadline(T0.plus(LINK_WINDOW)), new RevalidationDeadline(DUE))
               .expectEvents(lapsed(T0, DUE))
               .expectEventsMatching(exactSequenceOf(appliedBySystem(lapsed(T0, DUE)), andNoMore()));
    }

    @Test
    void doesNothingBeforeItIsDue() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), supporting("c-1"))
               .whenTimeAdvancesTo(DUE.minusMillis(1))
               .expectScheduledDeadline(Duration.ofMillis(1), new RevalidationDeadline(DUE))
               .expectNoEvents();
    }

    @Test
    void newerSupportingCorrelationSupersedesTheEarlierDeadline() {
        supportedTwice()
                .whenTimeAdvancesTo(DUE)
                .expectTriggeredDeadlines(new LinkWindowDeadline(T0.plus(LINK_WINDOW)), new RevalidationDeadline(DUE))
                .expectScheduledDeadline(LATER, new RevalidationDeadline(DUE.plus(LATER)))
                .expectNoEvents();
    }

    @Test
    void theNewerDeadlineStillLapses() {
        supportedTwice()
                .whenTimeAdvancesTo(DUE.plus(LATER))
                .expectEventsMatching(exactSequenceOf(
                        appliedBySystem(lapsed(T0.plus(LATER), DUE.plus(LATER))), andNoMore()));
    }

    @Test
    void firingTwiceDeprioritizesOnce() {
        fixture.registerDeadlineHandlerInterceptor((unitOfWork, chain) -> {
            chain.proceed();
            return chain.proceed();
        });
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), supporting("c-1"))
               .whenTimeElapses(REVALIDATION_INTERVAL.multipliedBy(2))
               .expectEvents(lapsed(T0, DUE));
    }

    @Test
    void refutingAnotherHypothesisNeitherMovesNorClearsTheDueDate() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), link("hypothesis-2", Direction.POSITIVE), supporting("c-1"),
                       record("c-2", "hypothesis-2", 0.1, 500))
               .whenTimeElapses(REVALIDATION_INTERVAL)
               .expectEvents(lapsed(T0, DUE));
    }

    @Test
    void leavesADeprecatedMetricAlone() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), supporting("c-1"), new DeprecateMetric(METRIC_ID, "gone", null))
               .whenTimeElapses(REVALIDATION_INTERVAL)
               .expectTriggeredDeadlinesWithName(MetricAggregate.LINK_WINDOW_DEADLINE,
                       MetricAggregate.REVALIDATION_DEADLINE)
               .expectNoEvents();
    }

    @Test
    void refutationAfterSupportReturnsTheMetricToProposed() {
        // Refuted after support, the metric is PROPOSED again: the link window deprioritizes it, and the
        // revalidation deadline then finds it already deprioritized.
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), supporting("c-1"), refuting("c-2"))
               .whenTimeElapses(REVALIDATION_INTERVAL)
               .expectTriggeredDeadlinesWithName(MetricAggregate.LINK_WINDOW_DEADLINE,
                       MetricAggregate.REVALIDATION_DEADLINE)
               .expectEvents(new MetricDeprioritized(METRIC_ID, DeprioritizationRule.LINK_WINDOW_EXPIRED,
                       "link window expired: no supported hypothesis within PT42S of proposal",
                       T0.plus(LINK_WINDOW)));
    }

    @Test
    void reprioritizedMetricMustRevalidateAgain() {
        MetricDeprioritized expiredEarlier = new MetricDeprioritized(METRIC_ID,
                DeprioritizationRule.LINK_WINDOW_EXPIRED, "link window expired", T0);
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), expiredEarlier)
               .andGivenCommands(supporting("c-1"))
               .whenTimeElapses(REVALIDATION_INTERVAL)
               .expectTriggeredDeadlines(new RevalidationDeadline(DUE))
               .expectEvents(lapsed(T0, DUE));
    }
}
