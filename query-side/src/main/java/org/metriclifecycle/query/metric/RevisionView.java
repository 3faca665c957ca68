package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.util.List;

import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.ScoreDelta;

/**
 * One revision of the metric's definition. It has no id of its own on purpose: history paths address revisions by
 * position ({@code revisions[0].version}), which is stable because revisions are only ever appended.
 */
public record RevisionView(
        String previousVersion,
        String version,
        String changeNote,
        String previousValidFor,
        String validFor,
        List<ScoreDelta> deltas,
        boolean major,
        Instant revisedAt) {

    public RevisionView {
        deltas = deltas == null ? List.of() : List.copyOf(deltas);
    }

    public static RevisionView of(MetricDefinitionRevised revised) {
        return new RevisionView(revised.previousVersion(), revised.version(), revised.changeNote(),
                revised.previousValidFor(), revised.validFor(), revised.deltas(), revised.major(),
                revised.revisedAt());
    }
}
