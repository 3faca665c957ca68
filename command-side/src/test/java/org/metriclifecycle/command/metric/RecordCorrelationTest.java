package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.MetricTestData.*;
import java.util.List;
import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.evidence.Pool;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.HYPOTHESIS_ID;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.PERIOD_END;
import static org.metriclifecycle.command.metric.MetricTestData.PERIOD_START;
import static org.metriclifecycle.command.metric.MetricTestData.REVALIDATION_INTERVAL;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;
import static org.metriclifecycle.command.metric.MetricTestData.linked;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;
import static org.metriclifecycle.command.metric.MetricTestData.record;
import static org.metriclifecycle.command.metric.MetricTestData.recorded;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.UnknownHypothesisException;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.MetricReprioritized;
import org.metriclifecycle.events.Verdict;

class RecordCorrelationTest {

    private static final String NEGATIVE_HYPOTHESIS = "hypothesis-negative";

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create().fixture();

    private static MetricDeprioritized linkWindowExpired() {
        return new MetricDeprioritized(METRIC_ID, DeprioritizationRule.LINK_WINDOW_EXPIRED, "link window expired",
                T0);
    }

    @Test
    void supportingCorrelationReturnsSupportedAndSchedulesRevalidation() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(record("c-1", 0.8, 500))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.SUPPORTED))
               .expectEvents(recorded("c-1", 0.8, 500, Verdict.SUPPORTED, T0))
               .expectScheduledDeadline(REVALIDATION_INTERVAL,
                       new RevalidationDeadline(T0.plus(REVALIDATION_INTERVAL)))
               .expectScheduledDeadlineWithName(T0.plus(REVALIDATION_INTERVAL),
                       MetricAggregate.REVALIDATION_DEADLINE);
    }

    @ParameterizedTest(name = "{0} hypothesis, r = {1}, n = {2} -> {3}")
    @CsvSource({
            // |r| == minCorrelation and n == minSampleSize are both enough
            "POSITIVE, 0.7, 100, SUPPORTED",
            "POSITIVE, 1.0, 100, SUPPORTED",
            "POSITIVE, 0.69, 100, REFUTED",
            "POSITIVE, -0.9, 500, REFUTED",
            "POSITIVE, 0.0, 500, REFUTED",
            "POSITIVE, 0.95, 99, INCONCLUSIVE",
            "POSITIVE, 0.1, 2, INCONCLUSIVE",
            "NEGATIVE, -0.7, 100, SUPPORTED",
            "NEGATIVE, -1.0, 100, SUPPORTED",
            "NEGATIVE, 0.9, 500, REFUTED",
            "NEGATIVE, 0.0, 500, REFUTED",
            "NEGATIVE, -0.69, 500, REFUTED",
            "NEGATIVE, -0.9, 99, INCONCLUSIVE"
    })
    void judgesTheCorrelationAgainstTheHypothesis(Direction direction, double r, int n, Verdict expected) {
        String hypothesisId = direction == Direction.POSITIVE ? HYPOTHESIS_ID : NEGATIVE_HYPOTHESIS;
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), linked(NEGATIVE_HYPOTHESIS, Direction.NEGATIVE))
               .when(record("c-1", hypothesisId, r, n))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(expected))
               .expectEvents(recorded("c-1", hypothesisId, r, n, expected, T0));
    }

    @Test
    void refutedCorrelationSetsNoRevalidationDueAndSchedulesNothing() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(record("c-1", 0.3, 500))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.REFUTED))
               .expectEvents(recorded("c-1", 0.3, 500, Verdict.REFUTED, T0))
               .expectNoScheduledDeadlines();
    }

    @Test
    void inconclusiveCorrelationSchedulesNothing() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(record("c-1", 0.95, 20))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.INCONCLUSIVE))
               .expectNoScheduledDeadlines();
    }

    @Test
    void defaultsTheMethodToPearsonAndRecordsTheCurrentDefinitionVersion() {
        MetricProposed p = proposed();
        fixture.givenCurrentTime(T0)
               .andGiven(new MetricProposed(METRIC_ID, p.name(), p.description(), p.team(), p.owner(), "2.1",
                       p.validFor(), p.rationale(), p.proposedAt(), p.linkDeadline()), linked())
               .when(new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.2, 500, PERIOD_START, PERIOD_END, null,
                       null))
               .expectEvents(new CorrelationRecorded(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.2, 500, PERIOD_START,
                       PERIOD_END, CorrelationMethod.PEARSON, null, "2.1", Verdict.REFUTED, T0, null,
                       CorrelationInterval.of(pearson(0.2, 500).interval(0.95)), null, HypothesisStatus.REFUTED,
                       PooledEvidence.of(Pool.of(List.of(pearson(0.2, 500)), 0.95).orElseThrow()), null,
                       PERIOD_END.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minus(REVALIDATION_INTERVAL)));
    }

    @Test
    void acceptsASingleDayPeriod() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked())
               .when(new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.2, 500, PERIOD_END, PERIOD_END,
                       CorrelationMethod.KENDALL, "nightly"))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.REFUTED));
    }

    @Test
    void supportingCorrelationReprioritizesADeprioritizedMetric() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), linkWindowExpired())
               .when(record("c-1", 0.9, 500))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.SUPPORTED))
               .expectEvents(recorded("c-1", 0.9, 500, Verdict.SUPPORTED, T0),
                       new MetricReprioritized(METRIC_ID, "c-1", T0));
    }

    @Test
    void refutingCorrelationLeavesADeprioritizedMetricDeprioritized() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), linkWindowExpired())
               .when(record("c-1", 0.1, 500))
               .expectEvents(recorded("c-1", 0.1, 500, Verdict.REFUTED, T0));
    }

    @Test
    void inconclusiveCorrelationLeavesADeprioritizedMetricDeprioritized() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), linkWindowExpired())
               .when(record("c-1", 0.9, 10))
               .expectEvents(recorded("c-1", 0.9, 10, Verdict.INCONCLUSIVE, T0));
    }

    @Test
    void reprioritizesOnlyOnce() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), linkWindowExpired(),
                       recorded("c-1", 0.9, 500, Verdict.SUPPORTED, T0), new MetricReprioritized(METRIC_ID, "c-1", T0))
               .when(record("c-2", 0.9, 500))
               .expectEvents(recordedWith("c-2", HYPOTHESIS_ID, 0.9, 500, Verdict.SUPPORTED, T0,
                       HypothesisStatus.SUPPORTED, T0.plus(REVALIDATION_INTERVAL),
                       List.of(new double[] {0.9, 500}, new double[] {0.9, 500}), null));
    }

    @Test
    void rejectsAnUnknownHypothesis() {
        fixture.given(proposed(), linked())
               .when(record("c-1", "no-such-hypothesis", 0.9, 500))
               .expectException(UnknownHypothesisException.class)
               .expectExceptionMessage("unknown hypothesis: no-such-hypothesis")
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }

    @Test
    void refusesADeprecatedMetric() {
        fixture.given(proposed(), linked(), deprecated())
               .when(record("c-1", 0.9, 500))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }

    static Stream<Arguments> invalidCorrelations() {
        return Stream.of(
                Arguments.of("coefficient", record("c-1", 1.01, 500)),
                Arguments.of("coefficient", record("c-1", -1.01, 500)),
                Arguments.of("coefficient", record("c-1", Double.NaN, 500)),
                Arguments.of("sampleSize", record("c-1", 0.9, 1)),
                Arguments.of("correlationId", record(" ", 0.9, 500)),
                Arguments.of("periodStart", new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.9, 500,
                        LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1), null, null)),
                Arguments.of("periodStart", new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.9, 500,
                        null, PERIOD_END, null, null)),
                Arguments.of("periodEnd", new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.9, 500,
                        PERIOD_START, null, null, null)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidCorrelations")
    void rejectsAnInvalidArgument(String field, RecordCorrelation command) {
        fixture.given(proposed(), linked())
               .when(command)
               .expectException(InvalidCommandException.class)
               .expectException(invalidField(field))
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }
}
