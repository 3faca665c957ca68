package org.metriclifecycle.command.metric;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.metriclifecycle.command.metric.LifecycleMatchers.appliedBySystem;
import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.HYPOTHESIS_ID;
import static org.metriclifecycle.command.metric.MetricTestData.LINK_WINDOW;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.PERIOD_END;
import static org.metriclifecycle.command.metric.MetricTestData.PERIOD_START;
import static org.metriclifecycle.command.metric.MetricTestData.REVALIDATION_INTERVAL;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;
import static org.metriclifecycle.command.metric.MetricTestData.link;
import static org.metriclifecycle.command.metric.MetricTestData.linked;
import static org.metriclifecycle.command.metric.MetricTestData.propose;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;
import static org.metriclifecycle.command.metric.MetricTestData.recorded;
import static org.metriclifecycle.command.metric.MetricTestData.supporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.events.Verdict;

class ReviseDefinitionTest {

    private static final String VALID_FOR = "support answers, English";
    private static final String NOTE = "judge prompt now counts partial citations";
    private static final List<ScoreDelta> DELTAS =
            List.of(new ScoreDelta("baseline", 0.12, 0.15), new ScoreDelta("candidate", null, 0.09));
    /** When the major revision happens: after the first link window closed, before revalidation is due. */
    private static final Duration REVISED_AFTER = Duration.ofSeconds(60);
    private static final Instant REVISED_AT = T0.plus(REVISED_AFTER);
    private static final Instant NEW_LINK_DEADLINE = REVISED_AT.plus(LINK_WINDOW);

    private final MetricFixture metric = MetricFixture.create();
    private final AggregateTestFixture<MetricAggregate> fixture = metric.fixture();

    private static ReviseDefinition revise(String version) {
        return new ReviseDefinition(METRIC_ID, version, NOTE, null, DELTAS);
    }

    private static MetricDefinitionRevised minor(String version, Instant at) {
        return new MetricDefinitionRevised(METRIC_ID, "1.0", version, NOTE, VALID_FOR, VALID_FOR, DELTAS, false, at,
                null);
    }

    private static MetricDefinitionRevised major(String version, Instant at) {
        return new MetricDefinitionRevised(METRIC_ID, "1.0", version, NOTE, VALID_FOR, VALID_FOR, DELTAS, true, at,
                at.plus(LINK_WINDOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.1", "1.1", "1.10"})
    void aMinorRevisionKeepsTheEvidenceAndSchedulesNothing(String version) {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), recorded("c-1", 0.9, 500, Verdict.SUPPORTED, T0))
               .when(revise(version))
               .expectSuccessfulHandlerExecution()
               .expectEvents(minor(version, T0))
               .expectNoScheduledDeadlines();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "2.0", "3.1", "10.0"})
    void aMajorRevisionStartsANewLinkWindow(String version) {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed())
               .when(revise(version))
               .expectEvents(major(version, T0))
               .expectScheduledDeadline(LINK_WINDOW, new LinkWindowDeadline(T0.plus(LINK_WINDOW)))
               .expectScheduledDeadlineWithName(T0.plus(LINK_WINDOW), MetricAggregate.LINK_WINDOW_DEADLINE);
    }

    @Test
    void replacesTheContextItIsValidForWhenGiven() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed())
               .when(new ReviseDefinition(METRIC_ID, "1.1", NOTE, "support answers, English and German", null))
               .expectEvents(new MetricDefinitionRevised(METRIC_ID, "1.0", "1.1", NOTE, VALID_FOR,
                       "support answers, English and German", List.of(), false, T0, null));
    }

    @Test
    void theNextRevisionStartsFromTheLastOne() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), new MetricDefinitionRevised(METRIC_ID, "1.0", "1.1", NOTE, VALID_FOR, "English",
                       List.of(), false, T0, null))
               .when(revise("1.2"))
               .expectEvents(new MetricDefinitionRevised(METRIC_ID, "1.1", "1.2", NOTE, "English", "English", DELTAS,
                       false, T0, null));
    }

    @Test
    void correlationsAfterARevisionCarryTheNewVersion() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed(), linked(), major("2.0", T0))
               .when(MetricTestData.record("c-1", 0.2, 500))
               .expectEvents(MetricTestData.onVersion(
                       MetricTestData.recorded("c-1", HYPOTHESIS_ID, 0.2, 500, Verdict.REFUTED, T0), "2.0"));
    }

    @Test
    void aMinorRevisionLeavesTheRevalidationDeadlineInForce() {
        fixture.givenCurrentTime(T0)
               .andGivenCommands(propose(), link(), supporting("c-1"), revise("1.1"))
               .whenTimeElapses(REVALIDATION_INTERVAL)
               .expectEvents(new MetricDeprioritized(METRIC_ID, DeprioritizationRule.REVALIDATION_LAPSED,
                       "revalidation lapsed: no supporting correlation since " + T0, T0.plus(REVALIDATION_INTERVAL)));
    }

    /** Validated at T0 by a supporting correlation, then revised to 2.0 at {@link #REVISED_AT}. */
    private TestExecutor<MetricAggregate> validatedThenRevisedToMajor() {
        TestExecutor<MetricAggregate> given = fixture.givenCurrentTime(T0)
                                                     .andGivenCommands(propose(), link(), supporting("c-1"));
        metric.clock().shiftBy(REVISED_AFTER);
        given.andGivenCommands(revise("2.0"));
        metric.clock().shiftBy(Duration.ZERO);
        return given;
    }

    @Test
    void aMajorRevisionLeavesTheEarlierDeadlinesWithoutEffect() {
        // Were the old evidence still counted, or the old revalidation still due, the metric would be deprioritized.
        validatedThenRevisedToMajor()
                .whenTimeAdvancesTo(NEW_LINK_DEADLINE.minusMillis(1))
                .expectTriggeredDeadlinesWithName(MetricAggregate.LINK_WINDOW_DEADLINE,
                        MetricAggregate.REVALIDATION_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void aMajorRevisionReopensTheHypothesesSoTheNewWindowCanExpire() {
        MetricDeprioritized expired = new MetricDeprioritized(METRIC_ID, DeprioritizationRule.LINK_WINDOW_EXPIRED,
                "link window expired: no supported hypothesis within PT42S of major revision 2.0", NEW_LINK_DEADLINE);
        validatedThenRevisedToMajor()
                .whenTimeAdvancesTo(NEW_LINK_DEADLINE)
                .expectEventsMatching(exactSequenceOf(appliedBySystem(expired), andNoMore()));
    }

    @Test
    void newSupportAfterAMajorRevisionValidatesTheMetricAgain() {
        TestExecutor<MetricAggregate> given = validatedThenRevisedToMajor();
        metric.clock().shiftBy(REVISED_AFTER);
        given.andGivenCommands(supporting("c-2"));
        metric.clock().shiftBy(Duration.ZERO);
        given.whenTimeAdvancesTo(NEW_LINK_DEADLINE)
             .expectNoEvents();
    }

    @Test
    void aVersionThatCannotBeOrderedIsSupersededAsAMajorRevision() {
        MetricProposed p = proposed();
        fixture.givenCurrentTime(T0)
               .andGiven(new MetricProposed(METRIC_ID, p.name(), p.description(), p.team(), p.owner(), "draft",
                       p.validFor(), p.rationale(), p.proposedAt(), p.linkDeadline()))
               .when(revise("1.0"))
               .expectEvents(new MetricDefinitionRevised(METRIC_ID, "draft", "1.0", NOTE, VALID_FOR, VALID_FOR, DELTAS,
                       true, T0, T0.plus(LINK_WINDOW)));
    }

    @ParameterizedTest(name = "\"{0}\" after 1.0")
    @NullSource
    // Twenty nines, or a fourth part, would be a version nothing could ever follow (or sort past).
    @ValueSource(strings = {"1.0", "1", "1.0.0", "0.9", "", " ", "v2", "2.x", "2.0-rc1", "99999999999999999999",
            "1.0.0.1", "1000000000.0"})
    void rejectsAVersionNotGreaterThanTheCurrentOne(String version) {
        fixture.given(proposed())
               .when(revise(version))
               .expectException(InvalidCommandException.class)
               .expectException(invalidField("version"))
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void rejectsABlankChangeNote(String note) {
        fixture.given(proposed())
               .when(new ReviseDefinition(METRIC_ID, "1.1", note, null, null))
               .expectException(invalidField("changeNote"))
               .expectNoEvents();
    }

    @Test
    void rejectsADeltaWithoutASubject() {
        fixture.given(proposed())
               .when(new ReviseDefinition(METRIC_ID, "1.1", NOTE, null, List.of(new ScoreDelta(" ", 0.1, 0.2))))
               .expectException(invalidField("deltas"))
               .expectNoEvents();
    }

    @Test
    void rejectsAMissingDelta() {
        fixture.given(proposed())
               .when(new ReviseDefinition(METRIC_ID, "1.1", NOTE, null, Arrays.asList((ScoreDelta) null)))
               .expectException(invalidField("deltas"))
               .expectNoEvents();
    }

    @Test
    void rejectsANonFiniteScore() {
        fixture.given(proposed())
               .when(new ReviseDefinition(METRIC_ID, "1.1", NOTE, null,
                       List.of(new ScoreDelta("baseline", Double.NaN, 0.2))))
               .expectException(invalidField("deltas"))
               .expectNoEvents();
    }

    @Test
    void refusesADeprecatedMetric() {
        fixture.given(proposed(), deprecated())
               .when(revise("2.0"))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents()
               .expectNoScheduledDeadlines();
    }
}
