package org.metriclifecycle.command.metric;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.ScoreDelta;

/**
 * A new version of the metric's definition. {@code version} must be greater than the current one; {@code validFor}
 * absent keeps the current context; {@code deltas} are the score changes the revision caused.
 */
public record ReviseDefinition(
        @TargetAggregateIdentifier String metricId,
        String version,
        String changeNote,
        String validFor,
        List<ScoreDelta> deltas) {
}
