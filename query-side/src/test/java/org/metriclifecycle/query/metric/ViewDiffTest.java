package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.correlation;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.deprioritized;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.proposed;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.Verdict;

class ViewDiffTest {

    private static final String M = "m-1";

    private static MetricView fold(MetricEvent... events) {
        MetricView view = null;
        for (MetricEvent event : events) {
            view = MetricViewFold.apply(view, event);
        }
        return view;
    }

    @Test
    void theFirstEventShowsEverySetFieldComingFromNothing() {
        Map<String, FieldChange> changes = ViewDiff.between(null, fold(proposed(M, T0)));

        assertThat(changes.keySet()).containsExactly("metricId", "name", "description", "team", "owner", "version",
                "validFor", "rationale", "status", "proposedAt", "linkDeadline");
        assertThat(changes.get("status")).isEqualTo(new FieldChange(null, "PROPOSED"));
        assertThat(changes.get("proposedAt")).isEqualTo(new FieldChange(null, "2026-01-01T00:00:00.000Z"));
        assertThat(changes.get("linkDeadline")).isEqualTo(new FieldChange(null, "2026-02-12T00:00:00.000Z"));
    }

    @Test
    void aLinkedHypothesisIsAddressedByItsId() {
        MetricView before = fold(proposed(M, T0), linked(M, "h1"));
        MetricView after = MetricViewFold.apply(before, linked(M, "h2"));

        Map<String, FieldChange> changes = ViewDiff.between(before, after);

        assertThat(changes.keySet()).containsExactly("hypotheses[h2].hypothesisId", "hypotheses[h2].outcome",
                "hypotheses[h2].statement", "hypotheses[h2].direction", "hypotheses[h2].minCorrelation",
                "hypotheses[h2].minSampleSize", "hypotheses[h2].status");
        assertThat(changes.get("hypotheses[h2].status")).isEqualTo(new FieldChange(null, "OPEN"));
        assertThat(changes.get("hypotheses[h2].minCorrelation")).isEqualTo(new FieldChange(null, 0.7));
        assertThat(changes.get("hypotheses[h2].minSampleSize")).isEqualTo(new FieldChange(null, 500));
    }

    @Test
    void aCorrelationChangesNestedLeavesOfItsHypothesisOnly() {
        MetricView before = fold(proposed(M, T0), linked(M, "h1"), linked(M, "h2"));
        MetricView after = MetricViewFold.apply(before, correlation(M, "c1", "h2", Verdict.SUPPORTED, day(1)));

        Map<String, FieldChange> changes = ViewDiff.between(before, after);

        assertThat(changes.keySet()).containsExactly("status", "revalidationDue",
                "hypotheses[h2].status",
                "hypotheses[h2].latestCorrelation.correlationId",
                "hypotheses[h2].latestCorrelation.coefficient",
                "hypotheses[h2].latestCorrelation.sampleSize",
                "hypotheses[h2].latestCorrelation.periodStart",
                "hypotheses[h2].latestCorrelation.periodEnd",
                "hypotheses[h2].latestCorrelation.method",
                "hypotheses[h2].latestCorrelation.verdict",
                "hypotheses[h2].latestCorrelation.recordedAt",
                "hypotheses[h2].latestCorrelation.source",
                "hypotheses[h2].latestCorrelation.definitionVersion");
        assertThat(changes.get("status")).isEqualTo(new FieldChange("LINKED", "VALIDATED"));
        assertThat(changes.get("hypotheses[h2].status")).isEqualTo(new FieldChange("OPEN", "SUPPORTED"));
        assertThat(changes.get("hypotheses[h2].latestCorrelation.verdict"))
                .isEqualTo(new FieldChange(null, "SUPPORTED"));
        assertThat(changes.get("hypotheses[h2].latestCorrelation.periodStart"))
                .isEqualTo(new FieldChange(null, "2026-01-01"));
        assertThat(changes.get("revalidationDue")).isEqualTo(new FieldChange(null, "2026-04-02T00:00:00.000Z"));
    }

    @Test
    void onlyLeavesThatChangedAppear() {
        MetricView before = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)));
        MetricView after = MetricViewFold.apply(before, correlation(M, "c2", "h1", Verdict.REFUTED, day(2)));

        Map<String, FieldChange> changes = ViewDiff.between(before, after);

        // Same sample size, period, method, source and version: none of those appear.
        assertThat(changes).containsExactly(
                Map.entry("status", new FieldChange("VALIDATED", "PROPOSED")),
                Map.entry("hypotheses[h1].status", new FieldChange("SUPPORTED", "REFUTED")),
                Map.entry("hypotheses[h1].latestCorrelation.correlationId", new FieldChange("c1", "c2")),
                Map.entry("hypotheses[h1].latestCorrelation.coefficient", new FieldChange(0.8, 0.2)),
                Map.entry("hypotheses[h1].latestCorrelation.verdict", new FieldChange("SUPPORTED", "REFUTED")),
                Map.entry("hypotheses[h1].latestCorrelation.recordedAt",
                        new FieldChange("2026-01-02T00:00:00.000Z", "2026-01-03T00:00:00.000Z")));
    }

    @Test
    void aTopLevelFieldChangeIsNamedPlainly() {
        MetricView before = fold(proposed(M, T0), linked(M, "h1"));

        assertThat(ViewDiff.between(before, MetricViewFold.apply(before, deprioritized(M, day(42)))))
                .containsExactly(
                        Map.entry("status", new FieldChange("LINKED", "DEPRIORITIZED")),
                        Map.entry("deprioritizedAt", new FieldChange(null, "2026-02-12T00:00:00.000Z")));
        assertThat(ViewDiff.between(before, before.withOwner("carl")))
                .containsExactly(Map.entry("owner", new FieldChange("ada", "carl")));
    }

    @Test
    void aLeafThatBecomesNullIsAChangeToNull() {
        MetricView deprioritized = fold(proposed(M, T0), deprioritized(M, day(42)));

        assertThat(ViewDiff.between(deprioritized, deprioritized.withDeprioritizedAt(null)))
                .containsEntry("deprioritizedAt", new FieldChange("2026-02-12T00:00:00.000Z", null));
    }

    @Test
    void hypothesisPathsFollowIdentityNotPosition() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"), linked(M, "h2"));
        MetricView reordered = view.withHypotheses(List.of(view.hypotheses().get(1), view.hypotheses().get(0)));

        assertThat(ViewDiff.between(view, reordered)).isEmpty();
    }

    @Test
    void anUnchangedViewHasNoChanges() {
        MetricView view = fold(proposed(M, T0), linked(M, "h1"));

        assertThat(ViewDiff.between(view, view)).isEmpty();
    }
}
