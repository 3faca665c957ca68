package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.HYPOTHESIS_ID;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;
import static org.metriclifecycle.command.metric.MetricTestData.linked;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.UnknownHypothesisException;
import org.metriclifecycle.command.UnknownShadowCheckException;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckExpired;
import org.metriclifecycle.events.ShadowCheckOpened;
import org.metriclifecycle.events.ShadowCheckResult;

/** SPEC "Shadow checks": opening, concluding, refusals and the durable expiry deadline. */
class ShadowCheckTest {

    static final Duration MIN_OBSERVE = Duration.ofSeconds(2);
    static final Duration OBSERVE = Duration.ofHours(1);
    static final String NEGATIVE = "hypothesis-negative";

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create(
            new LifecycleSettings(MetricTestData.LINK_WINDOW, MetricTestData.REVALIDATION_INTERVAL, MIN_OBSERVE))
            .fixture();

    static OpenShadowCheck open(String checkId, double evalDelta, String hypothesisId, Duration observeFor) {
        return new OpenShadowCheck(METRIC_ID, checkId, "new retrieval prompt", evalDelta, hypothesisId, observeFor);
    }

    static ShadowCheckOpened opened(String checkId, double evalDelta, String hypothesisId, Instant at,
                                    Duration observeFor) {
        return new ShadowCheckOpened(METRIC_ID, checkId, "new retrieval prompt", evalDelta, hypothesisId, at,
                at.plus(observeFor));
    }

    @Test
    void opensACheckAndSchedulesItsExpiry() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(open("s-1", 0.04, HYPOTHESIS_ID, OBSERVE))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(T0.plus(OBSERVE))
               .expectEvents(opened("s-1", 0.04, HYPOTHESIS_ID, T0, OBSERVE))
               .expectScheduledDeadline(OBSERVE, new ShadowCheckDeadline("s-1", T0.plus(OBSERVE)));
    }

    @Test
    void observesForSeventyTwoHoursByDefault() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(open("s-1", 0.04, HYPOTHESIS_ID, null))
               .expectEvents(opened("s-1", 0.04, HYPOTHESIS_ID, T0, Duration.ofHours(72)));
    }

    @ParameterizedTest(name = "observeFor {0} is accepted")
    @ValueSource(strings = {"PT2S", "P30D"})
    void acceptsTheBoundsOfObserveFor(String observeFor) {
        fixture.givenCurrentTime(T0).andGiven(proposed(), linked())
               .when(open("s-1", 0.04, HYPOTHESIS_ID, Duration.parse(observeFor)))
               .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "observeFor {0} is refused")
    @ValueSource(strings = {"PT1S", "P30DT1S", "PT0S", "-PT1H"})
    void refusesAnObserveForOutsideItsBounds(String observeFor) {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(open("s-1", 0.04, HYPOTHESIS_ID, Duration.parse(observeFor)))
               .expectException(invalidField("observeFor"))
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }

    @ParameterizedTest(name = "evalDelta {0} is refused")
    @ValueSource(doubles = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesAZeroOrNonFiniteEvalDelta(double evalDelta) {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(open("s-1", evalDelta, HYPOTHESIS_ID, OBSERVE))
               .expectException(invalidField("evalDelta"))
               .expectNoEvents();
    }

    @Test
    void refusesABlankChangeAnUnknownHypothesisAndADeprecatedMetric() {
        fixture.givenCurrentTime(T0).andGiven(proposed(), linked())
               .when(new OpenShadowCheck(METRIC_ID, "s-1", " ", 0.04, HYPOTHESIS_ID, OBSERVE))
               .expectException(invalidField("change"));
        fixture.givenCurrentTime(T0).andGiven(proposed(), linked())
               .when(open("s-1", 0.04, "no-such-hypothesis", OBSERVE))
               .expectException(UnknownHypothesisException.class).expectNoEvents();
        fixture.givenCurrentTime(T0).andGiven(proposed(), linked(), deprecated())
               .when(open("s-1", 0.04, HYPOTHESIS_ID, OBSERVE))
               .expectException(LifecycleConflictException.class).expectNoEvents();
        fixture.givenCurrentTime(T0).andGiven(proposed(), linked(), opened("s-1", 0.04, HYPOTHESIS_ID, T0, OBSERVE))
               .when(open("s-1", 0.04, HYPOTHESIS_ID, OBSERVE))
               .expectException(LifecycleConflictException.class).expectNoEvents();
    }

    @ParameterizedTest(name = "{0} hypothesis, eval {1}, outcome {2} -> {3}")
    @CsvSource({
            "POSITIVE, 0.04, 0.01, CONFIRMED",
            "POSITIVE, -0.04, -0.01, CONFIRMED",
            "POSITIVE, 0.04, -0.01, DIVERGED",
            "POSITIVE, 0.04, 0.0, DIVERGED",
            "NEGATIVE, 0.04, -0.01, CONFIRMED",
            "NEGATIVE, -0.04, 0.02, CONFIRMED",
            "NEGATIVE, 0.04, 0.01, DIVERGED",
            "NEGATIVE, 0.04, 0.0, DIVERGED"
    })
    void concludesByTheSignOfTheProductAgainstTheDirection(Direction direction, double evalDelta,
                                                           double outcomeDelta, ShadowCheckResult expected) {
        String hypothesisId = direction == Direction.POSITIVE ? HYPOTHESIS_ID : NEGATIVE;
        Instant later = T0.plus(Duration.ofMinutes(10));
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), linked(NEGATIVE, Direction.NEGATIVE),
                       opened("s-1", evalDelta, hypothesisId, T0, OBSERVE))
               .andGivenCurrentTime(later)
               .when(new ConcludeShadowCheck(METRIC_ID, "s-1", outcomeDelta, 4000, "week 1"))
               .expectResultMessagePayload(expected)
               .expectEvents(new ShadowCheckConcluded(METRIC_ID, "s-1", outcomeDelta, 4000, "week 1", expected,
                       later));
    }

    @Test
    void refusesASecondConclusionAnExpiredCheckAndAnUnknownOne() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), opened("s-1", 0.04, HYPOTHESIS_ID, T0, OBSERVE),
                       new ShadowCheckConcluded(METRIC_ID, "s-1", 0.01, null, null, ShadowCheckResult.CONFIRMED, T0))
               .when(new ConcludeShadowCheck(METRIC_ID, "s-1", 0.01, null, null))
               .expectException(LifecycleConflictException.class).expectNoEvents();
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), opened("s-1", 0.04, HYPOTHESIS_ID, T0, OBSERVE),
                       new ShadowCheckExpired(METRIC_ID, "s-1", T0.plus(OBSERVE)))
               .when(new ConcludeShadowCheck(METRIC_ID, "s-1", 0.01, null, null))
               .expectException(LifecycleConflictException.class).expectNoEvents();
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(new ConcludeShadowCheck(METRIC_ID, "s-9", 0.01, null, null))
               .expectException(UnknownShadowCheckException.class).expectNoEvents();
    }

    @Test
    void refusesAnOutcomeAtOrAfterObserveUntilEvenBeforeTheExpiryIsWritten() {
        fixture.givenCurrentTime(T0.plus(OBSERVE))
               .andGiven(proposed(), linked(), opened("s-1", 0.04, HYPOTHESIS_ID, T0, OBSERVE))
               .when(new ConcludeShadowCheck(METRIC_ID, "s-1", 0.01, null, null))
               .expectException(LifecycleConflictException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("observed until"))
               .expectNoEvents();
    }

    @Test
    void refusesANonFiniteOutcomeOrANonPositiveSampleSize() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), opened("s-1", 0.04, HYPOTHESIS_ID, T0, OBSERVE))
               .when(new ConcludeShadowCheck(METRIC_ID, "s-1", Double.NaN, null, null))
               .expectException(invalidField("outcomeDelta"));
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), opened("s-1", 0.04, HYPOTHESIS_ID, T0, OBSERVE))
               .when(new ConcludeShadowCheck(METRIC_ID, "s-1", 0.01, 0, null))
               .expectException(invalidField("sampleSize"));
    }

    @Test
    void anUnconcludedCheckExpiresAtObserveUntilBySystem() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .andGivenCommands(open("s-1", 0.04, HYPOTHESIS_ID, OBSERVE))
               .whenTimeElapses(OBSERVE)
               .expectDeadlinesMet(new ShadowCheckDeadline("s-1", T0.plus(OBSERVE)))
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                       LifecycleMatchers.appliedBySystem(new ShadowCheckExpired(METRIC_ID, "s-1", T0.plus(OBSERVE)),
                               "shadow check not concluded by " + T0.plus(OBSERVE)),
                       org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aConcludedCheckDoesNotExpire() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .andGivenCommands(open("s-1", 0.04, HYPOTHESIS_ID, OBSERVE),
                       new ConcludeShadowCheck(METRIC_ID, "s-1", 0.01, null, null))
               .whenTimeElapses(OBSERVE)
               .expectNoEvents();
    }
}
