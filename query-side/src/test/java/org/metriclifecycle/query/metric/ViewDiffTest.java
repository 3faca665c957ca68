package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.blindSpot;
import static org.metriclifecycle.query.metric.TestEvents.correlation;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.deprioritized;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.ownerChanged;
import static org.metriclifecycle.query.metric.TestEvents.proposed;
import static org.metriclifecycle.query.metric.TestEvents.revised;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.ScoreDelta;
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
                "validFor", "rationale", "status", "proposedAt", "linkDeadline", "trackRecord.open",
                "trackRecord.confirmed", "trackRecord.diverged", "trackRecord.expired");
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
                "hypotheses[h2].minSampleSize", "hypotheses[h2].status", "hypotheses[h2].decisionRule",
                "hypotheses[h2].confidence", "hypotheses[h2].samplesNeeded");
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
                "hypotheses[h2].latestCorrelation.definitionVersion",
                "hypotheses[h2].latestCorrelation.counted",
                "evidenceVersion",
                "lastSupportedAt");
        assertThat(changes.get("status")).isEqualTo(new FieldChange("LINKED", "VALIDATED"));
        assertThat(changes.get("hypotheses[h2].status")).isEqualTo(new FieldChange("OPEN", "SUPPORTED"));
        assertThat(changes.get("hypotheses[h2].latestCorrelation.verdict"))
                .isEqualTo(new FieldChange(null, "SUPPORTED"));
        assertThat(changes.get("hypotheses[h2].latestCorrelation.periodStart"))
                .isEqualTo(new FieldChange(null, "2026-01-01"));
        assertThat(changes.get("revalidationDue")).isEqualTo(new FieldChange(null, "2026-04-02T00:00:00.000Z"));
        assertThat(changes.get("evidenceVersion")).isEqualTo(new FieldChange(null, "1.0"));
        assertThat(changes.get("lastSupportedAt")).isEqualTo(new FieldChange(null, "2026-01-02T00:00:00.000Z"));
    }

    @Test
    void onlyLeavesThatChangedAppear() {
        MetricView before = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)));
        MetricView after = MetricViewFold.apply(before, correlation(M, "c2", "h1", Verdict.REFUTED, day(2)));

        Map<String, FieldChange> changes = ViewDiff.between(before, after);

        // Same sample size, period, method, source and version: none of those appear.
        assertThat(changes).containsExactly(
                // Every hypothesis refuted: the metric is REFUTED (SPEC's precedence), no longer PROPOSED.
                Map.entry("status", new FieldChange("VALIDATED", "REFUTED")),
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

    @Test
    void revisionsHaveNoIdSoTheirPathsUseTheirPosition() {
        MetricView before = fold(proposed(M, T0), linked(M, "h1"), revised(M, "1.0", "1.1", day(1)));
        MetricView after = MetricViewFold.apply(before, revised(M, "1.1", "1.2", day(2),
                new ScoreDelta("baseline", 0.41, 0.42), new ScoreDelta("candidate", null, 0.5)));

        Map<String, FieldChange> changes = ViewDiff.between(before, after);

        assertThat(changes.keySet()).containsExactly("version", "validFor",
                "revisions[1].previousVersion", "revisions[1].version", "revisions[1].changeNote",
                "revisions[1].previousValidFor", "revisions[1].validFor",
                "revisions[1].deltas[0].subject", "revisions[1].deltas[0].before", "revisions[1].deltas[0].after",
                "revisions[1].deltas[1].subject", "revisions[1].deltas[1].after",
                "revisions[1].major", "revisions[1].revisedAt");
        assertThat(changes.get("version")).isEqualTo(new FieldChange("1.1", "1.2"));
        assertThat(changes.get("revisions[1].version")).isEqualTo(new FieldChange(null, "1.2"));
        assertThat(changes.get("revisions[1].deltas[0].after")).isEqualTo(new FieldChange(null, 0.42));
        assertThat(changes.get("revisions[1].major")).isEqualTo(new FieldChange(null, false));
    }

    @Test
    void aMajorRevisionShowsTheReopenedHypothesesAndTheResetEvidence() {
        MetricView before = fold(proposed(M, T0), linked(M, "h1"),
                correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)));
        MetricView after = MetricViewFold.apply(before, revised(M, "1.0", "2.0", day(10)));

        Map<String, FieldChange> changes = ViewDiff.between(before, after);

        assertThat(changes).containsEntry("status", new FieldChange("VALIDATED", "LINKED"))
                .containsEntry("version", new FieldChange("1.0", "2.0"))
                .containsEntry("linkDeadline", new FieldChange("2026-02-12T00:00:00.000Z", "2026-02-22T00:00:00.000Z"))
                .containsEntry("revalidationDue", new FieldChange("2026-04-02T00:00:00.000Z", null))
                .containsEntry("hypotheses[h1].status", new FieldChange("SUPPORTED", "OPEN"))
                .containsEntry("evidenceVersion", new FieldChange("1.0", null))
                .containsEntry("lastSupportedAt", new FieldChange("2026-01-02T00:00:00.000Z", null))
                .containsEntry("revisions[0].major", new FieldChange(null, true));
        // The correlations stay on display; only whether the latest one counts changes (old evidence does not).
        assertThat(changes).containsEntry("hypotheses[h1].latestCorrelation.counted", new FieldChange(true, false));
        assertThat(changes.keySet()).filteredOn(path -> path.contains("latestCorrelation"))
                .containsExactly("hypotheses[h1].latestCorrelation.counted");
    }

    @Test
    void aBlindSpotIsAddressedByItsId() {
        MetricView before = fold(proposed(M, T0), blindSpot(M, "b1", day(1)));
        MetricView after = MetricViewFold.apply(before, blindSpot(M, "b2", day(2)));

        assertThat(ViewDiff.between(before, after).keySet()).containsExactly("blindSpots[b2].blindSpotId",
                "blindSpots[b2].failureMode", "blindSpots[b2].description", "blindSpots[b2].incidentRef",
                "blindSpots[b2].recordedAt");
    }

    @Test
    void anOwnerChangeIsOneLeaf() {
        MetricView before = fold(proposed(M, T0));

        assertThat(ViewDiff.between(before, MetricViewFold.apply(before, ownerChanged(M, "ada", "lena", day(1)))))
                .containsExactly(Map.entry("owner", new FieldChange("ada", "lena")));
    }
}
