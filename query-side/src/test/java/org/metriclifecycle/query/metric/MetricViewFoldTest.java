package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metriclifecycle.query.metric.TestEvents.LINK_WINDOW;
import static org.metriclifecycle.query.metric.TestEvents.REVALIDATION;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.correlation;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.deprecated;
import static org.metriclifecycle.query.metric.TestEvents.deprioritized;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.proposed;
import static org.metriclifecycle.query.metric.TestEvents.reprioritized;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricStatus;
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
                MetricStatus.PROPOSED, T0, T0.plus(LINK_WINDOW), null, null, null, null, null, List.of()));
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
        // Every hypothesis refuted: back to PROPOSED, though the due date of the old support stays on record.
        assertThat(view.status()).isEqualTo(MetricStatus.PROPOSED);
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
}
