package org.metriclifecycle.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.query.metric.FieldChange;
import org.metriclifecycle.query.metric.HistoryEntry;

class TimelineEntryTest {

    @Test
    void pathsNameHypothesesByTheirOutcomeAndAbsentValuesReadNone() {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        changes.put("status", new FieldChange("LINKED", "VALIDATED"));
        changes.put("hypotheses[5f1c2d9e-0000-4000-8000-000000000001].latestCorrelation.coefficient",
                new FieldChange(null, 0.72));
        changes.put("blindSpots[6a7b8c9d-0000-4000-8000-000000000002].failureMode", new FieldChange(null, "sarcasm"));
        HistoryEntry entry = new HistoryEntry(2, "CorrelationRecorded", Instant.parse("2026-01-31T10:00:00Z"), "pipe",
                null, changes);

        TimelineEntry shown = TimelineEntry.of(entry,
                Map.of("5f1c2d9e-0000-4000-8000-000000000001", "user-reported errors"));

        assertThat(shown.reason()).isEmpty();
        assertThat(shown.changes()).containsExactly(
                new TimelineEntry.Change("status", "LINKED", "VALIDATED"),
                new TimelineEntry.Change("hypotheses[user-reported errors].latestCorrelation.coefficient", "(none)",
                        "0.72"),
                new TimelineEntry.Change("blindSpots[6a7b8c9d…].failureMode", "(none)", "sarcasm"));
    }

    @Test
    void revisionDeltasReadBeforeAfterAndTheSignedChange() {
        assertThat(MetricDetail.delta(new ScoreDelta("baseline", 0.62, 0.71))).isEqualTo("baseline: 0.62 → 0.71 (+0.09)");
        assertThat(MetricDetail.delta(new ScoreDelta("candidate", 0.8, 0.75))).isEqualTo("candidate: 0.8 → 0.75 (-0.05)");
        assertThat(MetricDetail.delta(new ScoreDelta("new", null, 0.5))).isEqualTo("new: (none) → 0.5");
        assertThat(List.of(Display.number(0.7), Display.number(-1), Display.number(0.125))).containsExactly("0.7", "-1",
                "0.125");
    }
}
