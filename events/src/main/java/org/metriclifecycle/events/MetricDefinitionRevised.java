package org.metriclifecycle.events;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The metric's definition changed version. A major revision ({@code major}) means the old evidence no longer
 * speaks for the metric: its hypotheses reopen and a new link window runs until {@code linkDeadline}
 * (null for a minor revision, which keeps the evidence).
 */
@Revision("1")
public record MetricDefinitionRevised(
        String metricId,
        String previousVersion,
        String version,
        String changeNote,
        String previousValidFor,
        String validFor,
        List<ScoreDelta> deltas,
        boolean major,
        Instant revisedAt,
        Instant linkDeadline) implements MetricEvent {

    public MetricDefinitionRevised {
        deltas = deltas == null ? List.of() : List.copyOf(deltas);
    }
}
