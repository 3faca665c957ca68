package org.metriclifecycle.command.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.HYPOTHESIS_ID;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.CorrelationSuperseded;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.MetricReprioritized;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.evidence.DecisionRule;

/**
 * The evidence rules of SPEC "Evidence" and "Lifecycle" on the write side, with the service's default windows
 * (link window P42D, revalidation P90D): INTERVAL verdicts, the pooled status, honest inputs, REFUTED, support lost
 * after the link window, and due dates counted from the period's end.
 */
class EvidenceRulesTest {

    static final Duration LINK_WINDOW = Duration.ofDays(42);
    static final Duration INTERVAL = Duration.ofDays(90);
    /** Proposed at T0 (2026-01-05T09:00Z); the link window closes 42 days later. */
    static final Instant NOW = T0;
    static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

    private final AggregateTestFixture<MetricAggregate> fixture =
            MetricFixture.create(new LifecycleSettings(LINK_WINDOW, INTERVAL, Duration.ofHours(1))).fixture();

    static MetricProposed proposed() {
        return new MetricProposed(METRIC_ID, "Hallucination rate", "d", "search", "carl", "1.0", "v", "r", T0,
                T0.plus(LINK_WINDOW));
    }

    static HypothesisLinked interval(double min, int minN) {
        return new HypothesisLinked(METRIC_ID, HYPOTHESIS_ID, "user-reported errors", "tracks them",
                Direction.POSITIVE, min, minN, DecisionRule.INTERVAL, 0.95);
    }

    static RecordCorrelation pearson(String id, double r, int n, LocalDate start, LocalDate end, String source) {
        return new RecordCorrelation(METRIC_ID, id, HYPOTHESIS_ID, r, n, start, end, CorrelationMethod.PEARSON, source);
    }

    /** c-1: August's evidence, recorded in September (too old to be posted now), which supported the hypothesis. */
    static CorrelationRecorded augustSupport() {
        Instant september = Instant.parse("2025-09-01T08:00:00Z");
        return new CorrelationRecorded(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.95, 1200, LocalDate.of(2025, 8, 1),
                LocalDate.of(2025, 8, 31), CorrelationMethod.PEARSON, "nightly", "1.0", Verdict.SUPPORTED, september,
                Instant.parse("2025-11-30T00:00:00Z"), null, null, HypothesisStatus.SUPPORTED, null, null,
                windowFrom(LocalDate.of(2025, 8, 31)));
    }

    /** Where the counting window starts when {@code latestPeriodEnd} is the latest counted period's end. */
    static Instant windowFrom(LocalDate latestPeriodEnd) {
        return latestPeriodEnd.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minus(INTERVAL);
    }

    static RecordCorrelation december(String id, double r, int n, String source) {
        return pearson(id, r, n, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), source);
    }

    /** The events a command produced, captured with the fixture's own matcher hook. */
    private static final class Captured extends TypeSafeMatcher<List<EventMessage<?>>> {
        final List<Object> payloads = new ArrayList<>();

        @Override
        protected boolean matchesSafely(List<EventMessage<?>> events) {
            events.forEach(e -> payloads.add(e.getPayload()));
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }

        CorrelationRecorded recorded() {
            return payloads.stream().filter(CorrelationRecorded.class::isInstance).map(CorrelationRecorded.class::cast)
                    .findFirst().orElseThrow();
        }
    }

    private Captured capture() {
        return new Captured();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<EventMessage<?>>> as(Captured captured) {
        return (Matcher) captured;
    }

    @Test
    void theSpecsFirstExampleIsInconclusiveAndLeavesTheHypothesisOpen() {
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .when(december("c-1", 0.72, 120, "nightly"))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.INCONCLUSIVE))
               .expectEventsMatching(as(events))
               .expectNoScheduledDeadlines();
        CorrelationRecorded recorded = events.recorded();
        assertThat(recorded.hypothesisStatus()).isEqualTo(HypothesisStatus.OPEN);
        assertThat(recorded.interval().low()).isLessThan(0.70);
        assertThat(recorded.interval().high()).isGreaterThan(0.70);
        assertThat(recorded.revalidationDue()).isNull();
    }

    @Test
    void theSpecsSecondExampleIsSupportedWithItsIntervalAndDueFromThePeriodEnd() {
        Captured events = capture();
        Instant due = LocalDate.of(2026, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(INTERVAL);
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .when(december("c-1", 0.81, 1200, "nightly"))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.SUPPORTED))
               .expectEventsMatching(as(events))
               // Evidence ages with the period it measured: the end of 2025-12-31 + 90 days, not recording + 90 days.
               .expectScheduledDeadline(Duration.between(NOW, due), new RevalidationDeadline(due));
        CorrelationRecorded recorded = events.recorded();
        assertThat(recorded.interval().low()).isCloseTo(0.790, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(recorded.interval().high()).isCloseTo(0.829, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(recorded.hypothesisStatus()).isEqualTo(HypothesisStatus.SUPPORTED);
        assertThat(recorded.revalidationDue()).isEqualTo(due);
        assertThat(recorded.pooled().correlations()).isEqualTo(1);
        assertThat(recorded.counted()).isNull();
        assertThat(recorded.countedSince()).isEqualTo(windowFrom(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aTinySampleAgainstATinyBarIsNotSupported() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.01, 3))
               .when(december("c-1", 0.02, 3, "nightly"))
               // n = 3 has no interval at all
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.INCONCLUSIVE));
    }

    @Test
    void fourRefutationsAndOneSupportForTheSameMonthDoNotValidate() {
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGivenCommands(december("c-1", 0.60, 500, "a"), december("c-2", 0.60, 500, "b"),
                       december("c-3", 0.60, 500, "c"), december("c-4", 0.60, 500, "d"))
               .when(december("c-5", 0.85, 500, "e"))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.SUPPORTED))
               .expectEventsMatching(as(events));
        CorrelationRecorded recorded = events.recorded();
        assertThat(recorded.pooled().correlations()).isEqualTo(5);
        assertThat(recorded.pooled().sampleSize()).isEqualTo(2500);
        assertThat(recorded.hypothesisStatus()).isEqualTo(HypothesisStatus.REFUTED);
        assertThat(recorded.pooled().iSquared()).isGreaterThan(0.5);
        assertThat(recorded.revalidationDue()).isNull();
    }

    @Test
    void aPeriodEndingAfterTodayIsInvalid() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .when(pearson("c-1", 0.9, 500, TODAY, TODAY.plusDays(1), "nightly"))
               .expectException(invalidField("periodEnd"))
               .expectNoEvents();
    }

    @Test
    void aPeriodEndingTodayIsAccepted() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .when(pearson("c-1", 0.9, 500, TODAY, TODAY, "nightly"))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOverlappingPeriodFromTheSameSourceIsAConflict() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGivenCommands(december("c-1", 0.6, 500, "nightly"))
               .when(pearson("c-2", 0.9, 500, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 2), "nightly"))
               .expectException(LifecycleConflictException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("c-1"))
               .expectNoEvents();
    }

    @Test
    void noSourceIsOneSourceOfItsOwn() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGivenCommands(december("c-1", 0.6, 500, null))
               .when(december("c-2", 0.9, 500, "  "))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }

    @Test
    void anOverlappingPeriodFromAnotherSourceOrAnAdjacentPeriodIsAccepted() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGivenCommands(december("c-1", 0.6, 500, "nightly"), december("c-2", 0.6, 500, "weekly"))
               .when(pearson("c-3", 0.9, 500, LocalDate.of(2026, 1, 1), TODAY, "nightly"))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCorrectionSupersedesTheOneItNamesWhichStopsCounting() {
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGivenCommands(december("c-1", 0.6, 500, "nightly"))
               .when(new RecordCorrelation(METRIC_ID, "c-2", HYPOTHESIS_ID, 0.85, 1200, LocalDate.of(2025, 12, 1),
                       LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", null, "c-1"))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.SUPPORTED))
               .expectEventsMatching(as(events));
        assertThat(events.payloads.get(0)).isEqualTo(new CorrelationSuperseded(METRIC_ID, "c-1", HYPOTHESIS_ID,
                "c-2", NOW));
        CorrelationRecorded recorded = events.recorded();
        assertThat(recorded.supersedes()).isEqualTo("c-1");
        assertThat(recorded.pooled().correlations()).isEqualTo(1);
        assertThat(recorded.pooled().sampleSize()).isEqualTo(1200);
        assertThat(recorded.hypothesisStatus()).isEqualTo(HypothesisStatus.SUPPORTED);
    }

    @Test
    void newerEvidenceMovesTheWindowAndTheOlderAgesOutOfThePool() {
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGiven(augustSupport())
               .andGivenCommands(
                       pearson("c-2", 0.6, 500, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31), "nightly"))
               // 2026-01-05 minus 90 days is 2025-10-07: c-2 (ending 2025-10-31) still counts, c-1 no longer does.
               .when(pearson("c-3", 0.6, 500, LocalDate.of(2025, 12, 6), TODAY, "nightly"))
               .expectEventsMatching(as(events));
        CorrelationRecorded recorded = events.recorded();
        assertThat(recorded.countedSince()).isEqualTo(windowFrom(TODAY));
        assertThat(recorded.pooled().correlations()).isEqualTo(2);
        assertThat(recorded.pooled().sampleSize()).isEqualTo(1000);
        assertThat(recorded.hypothesisStatus()).isEqualTo(HypothesisStatus.REFUTED);
    }

    @Test
    void aCorrectionOfTheLatestPeriodMovesTheWindowBackToTheNextLatest() {
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGiven(augustSupport())
               .andGivenCommands(pearson("c-2", 0.6, 500, LocalDate.of(2025, 12, 6), TODAY, "nightly"))
               // c-4 corrects c-2 with a period that ends long before it, and has too small a sample for an interval:
               // the latest eligible period is c-1's again, so c-1 counts once more.
               .when(new RecordCorrelation(METRIC_ID, "c-4", HYPOTHESIS_ID, 0.5, 3, LocalDate.of(2025, 12, 6),
                       LocalDate.of(2025, 12, 8), CorrelationMethod.PEARSON, "nightly", null, "c-2"))
               .expectEventsMatching(as(events));
        CorrelationRecorded recorded = events.recorded();
        assertThat(recorded.interval()).isNull();
        assertThat(recorded.countedSince()).isEqualTo(windowFrom(LocalDate.of(2025, 8, 31)));
        assertThat(recorded.pooled().correlations()).isEqualTo(1);
        assertThat(recorded.pooled().sampleSize()).isEqualTo(1200);
        assertThat(recorded.hypothesisStatus()).isEqualTo(HypothesisStatus.SUPPORTED);
    }

    @Test
    void supersedingAnUnknownCorrelationIsInvalid() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .when(new RecordCorrelation(METRIC_ID, "c-2", HYPOTHESIS_ID, 0.85, 1200, LocalDate.of(2025, 12, 1),
                       LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", null, "no-such"))
               .expectException(invalidField("supersedes"))
               .expectNoEvents();
    }

    @Test
    void supersedingAnAlreadySupersededCorrelationIsAConflict() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGivenCommands(december("c-1", 0.6, 500, "nightly"),
                       new RecordCorrelation(METRIC_ID, "c-2", HYPOTHESIS_ID, 0.65, 500, LocalDate.of(2025, 12, 1),
                               LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", null, "c-1"))
               .when(new RecordCorrelation(METRIC_ID, "c-3", HYPOTHESIS_ID, 0.85, 1200, LocalDate.of(2025, 12, 1),
                       LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", null, "c-1"))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }

    @Test
    void evidenceForAnOlderMajorVersionIsAConflict() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100), major("2.0"))
               .when(new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.85, 1200, LocalDate.of(2025, 12, 1),
                       LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", "1.4", null))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }

    @Test
    void evidenceForAnOlderMinorOfTheCurrentMajorCounts() {
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100), major("2.1"))
               .when(new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.85, 1200, LocalDate.of(2025, 12, 1),
                       LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", "2.0", null))
               .expectEventsMatching(as(events));
        assertThat(events.recorded().definitionVersion()).isEqualTo("2.0");
        assertThat(events.recorded().hypothesisStatus()).isEqualTo(HypothesisStatus.SUPPORTED);
    }

    @Test
    void aVersionNewerThanTheCurrentOneOrMalformedIsInvalid() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .when(new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.85, 1200, LocalDate.of(2025, 12, 1),
                       LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", "1.1", null))
               .expectException(invalidField("definitionVersion"));
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .when(new RecordCorrelation(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.85, 1200, LocalDate.of(2025, 12, 1),
                       LocalDate.of(2025, 12, 31), CorrelationMethod.PEARSON, "nightly", "v one", null))
               .expectException(invalidField("definitionVersion"));
    }

    @Test
    void evidenceAfterAMajorRevisionIgnoresTheOldMajorsCorrelations() {
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGivenCommands(december("c-1", 0.95, 1200, "nightly"))
               .andGiven(major("2.0"))
               .when(december("c-2", 0.6, 500, "nightly"))
               .expectEventsMatching(as(events));
        assertThat(events.recorded().pooled().correlations()).isEqualTo(1);
        assertThat(events.recorded().pooled().sampleSize()).isEqualTo(500);
        assertThat(events.recorded().hypothesisStatus()).isEqualTo(HypothesisStatus.REFUTED);
    }

    @Test
    void evidenceAlreadyPastDueIsAConflict() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .when(pearson("c-1", 0.9, 500, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), "nightly"))
               .expectException(LifecycleConflictException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("too old"))
               .expectNoEvents();
    }

    @Test
    void aPeriodWhoseDueDateIsExactlyNowIsPastDue() {
        // end of 2025-10-06 (UTC) + 90 days = 2026-01-05T00:00Z: at that instant the evidence has lapsed
        fixture.givenCurrentTime(LocalDate.of(2026, 1, 5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
               .andGiven(proposed(), interval(0.70, 100))
               .when(pearson("c-1", 0.9, 500, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 6), "nightly"))
               .expectException(LifecycleConflictException.class);
        fixture.givenCurrentTime(LocalDate.of(2026, 1, 5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
               .andGiven(proposed(), interval(0.70, 100))
               .when(pearson("c-1", 0.9, 500, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 7), "nightly"))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRefutedMetricIsDeprioritizedWhenItsLinkWindowCloses() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(MetricTestData.propose(),
                       new LinkHypothesis(METRIC_ID, HYPOTHESIS_ID, "o", "s", Direction.POSITIVE, 0.7, 100),
                       december("c-1", 0.2, 5000, "nightly"))
               .whenTimeElapses(LINK_WINDOW)
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                       org.axonframework.test.matchers.Matchers.exactSequenceOf(
                               org.hamcrest.Matchers.instanceOf(MetricDeprioritized.class),
                               org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void losingTheLastSupportPastTheLinkWindowDeprioritizesAtOnce() {
        Instant late = NOW.plus(LINK_WINDOW).plus(Duration.ofDays(1));
        Captured events = capture();
        // c-1 as the service recorded it at NOW: supported, the metric due 90 days after the end of TODAY
        Instant due = TODAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(INTERVAL);
        CorrelationRecorded supported = new CorrelationRecorded(METRIC_ID, "c-1", HYPOTHESIS_ID, 0.8, 1200,
                LocalDate.of(2026, 1, 1), TODAY, CorrelationMethod.PEARSON, "nightly", "1.0", Verdict.SUPPORTED, NOW,
                NOW.plus(INTERVAL), null, null, HypothesisStatus.SUPPORTED, null, null, windowFrom(TODAY));
        fixture.givenCurrentTime(late)
               .andGiven(proposed(), interval(0.70, 100), supported)
               .when(pearson("c-2", 0.3, 5000, LocalDate.of(2026, 1, 6), LocalDate.of(2026, 2, 16), "nightly"))
               .expectEventsMatching(as(events));
        assertThat(events.payloads).hasSize(2);
        assertThat(events.recorded().hypothesisStatus()).isEqualTo(HypothesisStatus.REFUTED);
        MetricDeprioritized deprioritized = (MetricDeprioritized) events.payloads.get(1);
        assertThat(deprioritized.rule()).isEqualTo(DeprioritizationRule.SUPPORT_LOST);
        assertThat(deprioritized.reason()).contains(HYPOTHESIS_ID).contains("c-2");
    }

    @Test
    void losingSupportInsideTheLinkWindowOnlyChangesTheStatus() {
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100))
               .andGivenCommands(december("c-1", 0.8, 1200, "nightly"))
               .when(december("c-2", 0.3, 5000, "weekly"))
               .expectEventsMatching(as(events));
        assertThat(events.payloads).hasSize(1);
        assertThat(events.recorded().hypothesisStatus()).isEqualTo(HypothesisStatus.REFUTED);
    }

    @Test
    void newSupportReprioritizesAMetricDeprioritizedForLostSupport() {
        Instant late = NOW.plus(LINK_WINDOW).plus(Duration.ofDays(1));
        fixture.givenCurrentTime(late)
               .andGiven(proposed(), interval(0.70, 100),
                       new MetricDeprioritized(METRIC_ID, DeprioritizationRule.SUPPORT_LOST, "lost", late))
               .when(pearson("c-1", 0.9, 5000, LocalDate.of(2026, 1, 6), LocalDate.of(2026, 2, 16), "nightly"))
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                       org.axonframework.test.matchers.Matchers.exactSequenceOf(
                               org.hamcrest.Matchers.instanceOf(CorrelationRecorded.class),
                               org.hamcrest.Matchers.equalTo(new MetricReprioritized(METRIC_ID, "c-1", late)),
                               org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aPointHypothesisKeepsTheFirstRuleAndItsDueDate() {
        HypothesisLinked point = new HypothesisLinked(METRIC_ID, HYPOTHESIS_ID, "o", "s", Direction.POSITIVE, 0.70,
                100);
        Captured events = capture();
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), point)
               .when(december("c-1", 0.72, 120, "nightly"))
               .expectResultMessagePayloadMatching(LifecycleMatchers.judged(Verdict.SUPPORTED))
               .expectEventsMatching(as(events))
               .expectScheduledDeadline(INTERVAL, new RevalidationDeadline(NOW.plus(INTERVAL)));
        assertThat(events.recorded().hypothesisStatus()).isEqualTo(HypothesisStatus.SUPPORTED);
        assertThat(events.recorded().revalidationDue()).isEqualTo(NOW.plus(INTERVAL));
    }

    @Test
    void aDeprecatedMetricRefusesEvidence() {
        fixture.givenCurrentTime(NOW)
               .andGiven(proposed(), interval(0.70, 100), deprecated())
               .when(december("c-1", 0.9, 500, "nightly"))
               .expectException(LifecycleConflictException.class);
    }

    private static MetricDefinitionRevised major(String version) {
        return new MetricDefinitionRevised(METRIC_ID, "1.0", version, "new definition", "v", "v", List.of(), true,
                NOW, NOW.plus(LINK_WINDOW));
    }
}
