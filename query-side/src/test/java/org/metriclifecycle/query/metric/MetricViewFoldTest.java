package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.metriclifecycle.query.metric.TestEvents.LINK_WINDOW;
import static org.metriclifecycle.query.metric.TestEvents.REVALIDATION;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.blindSpot;
import static org.metriclifecycle.query.metric.TestEvents.correlation;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.deprecated;
import static org.metriclifecycle.query.metric.TestEvents.deprioritized;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.ownerChanged;
import static org.metriclifecycle.query.metric.TestEvents.proposed;
import static org.metriclifecycle.query.metric.TestEvents.reprioritized;
import static org.metriclifecycle.query.metric.TestEvents.revised;
import static org.metriclifecycle.query.metric.TestEvents.rotated;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.events.Verdict;

class MetricViewFoldTest {

    private static final String M = "m-1";

    private static MetricView fold(MetricEvent... events) {
        MetricView view = null;
        for (MetricEvent event : events) {
            view = MetricViewFold.apply(view, event);
        }
        return view;
    }

    @Test
    void proposalStartsAProposedViewCarryingEveryProposedField() {
        MetricView view = fold(proposed(M, "search", "lena", T0));

        assertThat(view).isEqualTo(new MetricView(M, "hallucination rate", "share of answers with invented facts",
                "search", "lena", "1.0", "support answers", "users complain about made-up answers",
                MetricStatus.PROPOSED, T0, T0.plus(LINK_WINDOW), null, null, null, null, null, List.of(), null, null,
                List.of(), List.of(), null, null));
    }

    @Test
    void linkingAddsAnOpenHypothesisAndMakesTheMetricLinked() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"));

        assertThat(view.status()).isEqualTo(MetricStatus.LINKED);
        assertThat(view.hypotheses()).containsExactly(new HypothesisView("h1", "user-reported errors",
                "hallucination rate correlates with reported errors", Direction.POSITIVE, 0.7, 500,
                HypothesisStatus.OPEN, null));
    }

    @Test
    void hypothesesKeepTheOrderTheyWereLinkedIn() {
        MetricView view = fold(proposed(M, T0), linked(M, "h-b"), linked(M, "h-a"), linked(M, "h-c"),
                correlation(M, "c1", "h-a", Verdict.SUPPORTED, day(1)));

        assertThat(view.hypotheses()).extracting(HypothesisView::hypothesisId).containsExactly("h-b", "h-a", "h-c");
    }

    @Test
    void aSupportingCorrelationValidatesTheMetricAndSetsRevalidationDue() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"), correlation(M, "c1", "h1", Verdict.SUPPORTED,
                day(3)));

        assertThat(view.status()).isEqualTo(MetricStatus.VALIDATED);
        assertThat(view.revalidationDue()).isEqualTo(day(3).plus(REVALIDATION));
        HypothesisView hypothesis = view.hypothesis("h1").orElseThrow();
        assertThat(hypothesis.status()).isEqualTo(HypothesisStatus.SUPPORTED);
        assertThat(hypothesis.latestCorrelation()).isEqualTo(new CorrelationView("c1", 0.8, 600,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                CorrelationMethod.PEARSON, Verdict.SUPPORTED, day(3), "eval-pipeline", "1.0"));
    }

    @Test
    void aRefutationAfterSupportLeavesTheHypothesisRefuted() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)),
                correlation(M, "c2", "h1", Verdict.REFUTED, day(2)));

        assertThat(view.hypothesis("h1").orElseThrow().status()).isEqualTo(HypothesisStatus.REFUTED);
        assertThat(view.hypothesis("h1").orElseThrow().latestCorrelation().correlationId()).isEqualTo("c2");
        // Every hypothesis refuted: REFUTED (SPEC's precedence; it used to fall back to PROPOSED), though the due
        // date of the old support stays on record (a first-revision event leaves it alone).
        assertThat(view.status()).isEqualTo(MetricStatus.REFUTED);
        assertThat(view.revalidationDue()).isEqualTo(day(1).plus(REVALIDATION));
    }

    @Test
    void aRefutedHypothesisBesideAnOpenOneLeavesTheMetricLinked() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"), linked(M, "h2"),
                correlation(M, "c1", "h1", Verdict.REFUTED, day(1)));

        assertThat(view.status()).isEqualTo(MetricStatus.LINKED);
        assertThat(view.hypotheses()).extracting(HypothesisView::status)
                .containsExactly(HypothesisStatus.REFUTED, HypothesisStatus.OPEN);
    }

    @Test
    void anInconclusiveCorrelationIsShownButChangesNoStatus() {
        MetricView open = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.INCONCLUSIVE, day(1)));
        assertThat(open.status()).isEqualTo(MetricStatus.LINKED);
        assertThat(open.hypothesis("h1").orElseThrow().status()).isEqualTo(HypothesisStatus.OPEN);
        assertThat(open.hypothesis("h1").orElseThrow().latestCorrelation().verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(open.revalidationDue()).isNull();

        MetricView supported = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)),
                correlation(M, "c2", "h1", Verdict.INCONCLUSIVE, day(2)));
        assertThat(supported.status()).isEqualTo(MetricStatus.VALIDATED);
        assertThat(supported.hypothesis("h1").orElseThrow().status()).isEqualTo(HypothesisStatus.SUPPORTED);
        assertThat(supported.hypothesis("h1").orElseThrow().latestCorrelation().correlationId()).isEqualTo("c2");
        assertThat(supported.revalidationDue()).isEqualTo(day(1).plus(REVALIDATION));
    }

    @Test
    void revalidationDueFollowsTheLatestSupportingCorrelation() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"), linked(M, "h2"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)),
                correlation(M, "c2", "h2", Verdict.SUPPORTED, day(20)),
                correlation(M, "c3", "h1", Verdict.REFUTED, day(30)),
                correlation(M, "c4", "h2", Verdict.INCONCLUSIVE, day(40)));

        assertThat(view.revalidationDue()).isEqualTo(day(20).plus(REVALIDATION));
        assertThat(view.status()).isEqualTo(MetricStatus.VALIDATED);
    }

    @Test
    void deprioritizationOutranksValidation() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)), deprioritized(M, day(91)));

        assertThat(view.status()).isEqualTo(MetricStatus.DEPRIORITIZED);
        assertThat(view.deprioritizedAt()).isEqualTo(day(91));
    }

    @Test
    void aSupportWhileDeprioritizedWaitsForReprioritization() {
        MetricView supported = fold(proposed(M, T0), linked(M, "h1"), deprioritized(M, day(42)),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(50)));
        assertThat(supported.status()).isEqualTo(MetricStatus.DEPRIORITIZED);

        MetricView reprioritized = MetricViewFold.apply(supported, reprioritized(M, "c1", day(50)));
        assertThat(reprioritized.status()).isEqualTo(MetricStatus.VALIDATED);
        assertThat(reprioritized.deprioritizedAt()).isNull();
        assertThat(reprioritized.revalidationDue()).isEqualTo(day(50).plus(REVALIDATION));
    }

    @Test
    void deprecationOutranksEverythingAndRecordsReasonAndReplacement() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)), deprioritized(M, day(91)),
                deprecated(M, "superseded by a calibrated metric", "m-2", day(100)));

        assertThat(view.status()).isEqualTo(MetricStatus.DEPRECATED);
        assertThat(view.deprecatedAt()).isEqualTo(day(100));
        assertThat(view.deprecationReason()).isEqualTo("superseded by a calibrated metric");
        assertThat(view.replacedBy()).isEqualTo("m-2");
        assertThat(view.deprioritizedAt()).isEqualTo(day(91));
    }

    @Test
    void deprecationWithoutReplacementLeavesReplacedByEmpty() {
        MetricView view = fold(proposed(M, T0), deprecated(M, "nobody reads it", null, day(5)));

        assertThat(view.status()).isEqualTo(MetricStatus.DEPRECATED);
        assertThat(view.replacedBy()).isNull();
    }

    @Test
    void statusFollowsThePrecedenceOfTheLifecycle() {
        MetricView proposed = fold(proposed(M, T0));
        MetricView linked = MetricViewFold.apply(proposed, linked(M, "h1"));
        MetricView validated = MetricViewFold.apply(linked, correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)));
        MetricView deprioritized = MetricViewFold.apply(validated, deprioritized(M, day(91)));
        MetricView deprecated = MetricViewFold.apply(deprioritized, deprecated(M, "gone", null, day(92)));

        assertThat(List.of(proposed, linked, validated, deprioritized, deprecated))
                .extracting(MetricView::status)
                .containsExactly(MetricStatus.PROPOSED, MetricStatus.LINKED, MetricStatus.VALIDATED,
                        MetricStatus.DEPRIORITIZED, MetricStatus.DEPRECATED);
    }

    @Test
    void linkingAfterDeprioritizationKeepsTheMetricDeprioritized() {
        MetricView view = fold(proposed(M, T0), deprioritized(M, day(42)), linked(M, "h1"));

        assertThat(view.status()).isEqualTo(MetricStatus.DEPRIORITIZED);
    }

    @Test
    void foldingLeavesTheGivenViewUntouched() {
        MetricView linked = fold(proposed(M, T0), linked(M, "h1"));
        MetricView copy = fold(proposed(M, T0), linked(M, "h1"));

        MetricViewFold.apply(linked, correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)));

        assertThat(linked).isEqualTo(copy);
    }

    @Test
    void refusesEventsThatCannotFollowTheView() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"));

        assertThatThrownBy(() -> MetricViewFold.apply(null, linked(M, "h1")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MetricViewFold.apply(view, proposed(M, T0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MetricViewFold.apply(view, linked(M, "h1")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MetricViewFold.apply(view, correlation(M, "c1", "h9", Verdict.SUPPORTED, day(1))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MetricViewFold.apply(view, linked("m-2", "h2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aManualOwnerChangeAndAScheduledRotationBothSetTheOwner() {
        MetricView changed = fold(proposed(M, T0), ownerChanged(M, "ada", "lena", day(1)));
        assertThat(changed.owner()).isEqualTo("lena");

        MetricView rotated = MetricViewFold.apply(changed, rotated(M, "lena", "carl", 3, day(7)));
        assertThat(rotated.owner()).isEqualTo("carl");
        assertThat(rotated).isEqualTo(changed.withOwner("carl"));
    }

    @Test
    void conclusiveCorrelationsSetTheEvidenceVersionAndSupportingOnesTheLastSupport() {
        MetricView inconclusive = fold(proposed(M, T0), linked(M, "h1"), linked(M, "h2"),
                correlation(M, "c1", "h1", Verdict.INCONCLUSIVE, day(1)));
        assertThat(inconclusive.evidenceVersion()).isNull();
        assertThat(inconclusive.lastSupportedAt()).isNull();

        MetricView supported = MetricViewFold.apply(inconclusive,
                correlation(M, "c2", "h1", Verdict.SUPPORTED, day(2)));
        assertThat(supported.evidenceVersion()).isEqualTo("1.0");
        assertThat(supported.lastSupportedAt()).isEqualTo(day(2));

        MetricView refuted = MetricViewFold.apply(supported,
                correlation(M, "c3", "h2", Verdict.REFUTED, day(3), "1.1"));
        assertThat(refuted.evidenceVersion()).isEqualTo("1.1");
        assertThat(refuted.lastSupportedAt()).isEqualTo(day(2));

        MetricView laterInconclusive = MetricViewFold.apply(refuted,
                correlation(M, "c4", "h2", Verdict.INCONCLUSIVE, day(4), "1.2"));
        assertThat(laterInconclusive.evidenceVersion()).isEqualTo("1.1");
        assertThat(laterInconclusive.lastSupportedAt()).isEqualTo(day(2));
    }

    @Test
    void aMinorRevisionMovesTheDefinitionAndKeepsTheEvidence() {
        MetricView validated = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)));

        MetricView revised = MetricViewFold.apply(validated,
                revised(M, "1.0", "1.1", day(5), new ScoreDelta("baseline", 0.41, 0.42)));

        assertThat(revised.version()).isEqualTo("1.1");
        assertThat(revised.validFor()).isEqualTo("support answers in 1.1");
        assertThat(revised.revisions()).containsExactly(new RevisionView("1.0", "1.1", "note for 1.1",
                "support answers", "support answers in 1.1", List.of(new ScoreDelta("baseline", 0.41, 0.42)), false,
                day(5)));
        assertThat(revised.status()).isEqualTo(MetricStatus.VALIDATED);
        assertThat(revised.hypotheses()).isEqualTo(validated.hypotheses());
        assertThat(revised.evidenceVersion()).isEqualTo("1.0");
        assertThat(revised.lastSupportedAt()).isEqualTo(day(1));
        assertThat(revised.revalidationDue()).isEqualTo(validated.revalidationDue());
        assertThat(revised.linkDeadline()).isEqualTo(validated.linkDeadline());
    }

    @Test
    void aMajorRevisionReopensEveryHypothesisAndStartsANewLinkWindow() {
        MetricView before = fold(proposed(M, T0), linked(M, "h1"), linked(M, "h2"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)),
                correlation(M, "c2", "h2", Verdict.REFUTED, day(2)),
                revised(M, "1.0", "1.1", day(3)));

        MetricView major = MetricViewFold.apply(before, revised(M, "1.1", "2.0", day(10)));

        assertThat(major.version()).isEqualTo("2.0");
        assertThat(major.hypotheses()).extracting(HypothesisView::status)
                .containsOnly(HypothesisStatus.OPEN);
        assertThat(major.hypotheses()).extracting(h -> h.latestCorrelation().correlationId())
                .containsExactly("c1", "c2");
        assertThat(major.status()).isEqualTo(MetricStatus.LINKED);
        assertThat(major.linkDeadline()).isEqualTo(day(10).plus(LINK_WINDOW));
        assertThat(major.revalidationDue()).isNull();
        assertThat(major.evidenceVersion()).isNull();
        assertThat(major.lastSupportedAt()).isNull();
        assertThat(major.revisions()).extracting(RevisionView::version, RevisionView::major)
                .containsExactly(tuple("1.1", false),
                        tuple("2.0", true));

        MetricView resupported = MetricViewFold.apply(major,
                correlation(M, "c3", "h2", Verdict.SUPPORTED, day(12), "2.0"));
        assertThat(resupported.status()).isEqualTo(MetricStatus.VALIDATED);
        assertThat(resupported.evidenceVersion()).isEqualTo("2.0");
        assertThat(resupported.lastSupportedAt()).isEqualTo(day(12));
        assertThat(resupported.revalidationDue()).isEqualTo(day(12).plus(REVALIDATION));
    }

    @Test
    void aMajorRevisionOfAMetricWithoutHypothesesLeavesItProposed() {
        MetricView major = fold(proposed(M, T0), revised(M, "1.0", "2.0", day(10)));

        assertThat(major.status()).isEqualTo(MetricStatus.PROPOSED);
        assertThat(major.linkDeadline()).isEqualTo(day(10).plus(LINK_WINDOW));
    }

    @Test
    void blindSpotsAreAppendedInTheOrderTheyWereRecorded() {
        MetricView view = fold(proposed(M, T0), blindSpot(M, "b2", day(1)), blindSpot(M, "b1", day(2)));

        assertThat(view.blindSpots()).extracting(BlindSpotView::blindSpotId).containsExactly("b2", "b1");
        assertThat(view.blindSpots().get(0)).isEqualTo(new BlindSpotView("b2", "rude tone",
                "answers were correct but rude", "INC-42", day(1)));
        assertThat(view.status()).isEqualTo(MetricStatus.PROPOSED);
        assertThatThrownBy(() -> MetricViewFold.apply(view, blindSpot(M, "b1", day(3))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFoldNeverFillsTheQueryTimeFields() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"), rotated(M, "ada", "lena", 0, day(1)),
                revised(M, "1.0", "2.0", day(2)), blindSpot(M, "b1", day(3)));

        assertThat(view.nextOwner()).isNull();
        assertThat(view.nextHandoffAt()).isNull();
    }
}
