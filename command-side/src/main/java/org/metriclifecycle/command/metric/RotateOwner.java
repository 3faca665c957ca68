package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the system for each metric at a rotation handoff. {@code handoff} is the handoff number within schedule
 * {@code scheduleId}, so a handoff delivered again (a retry, a replay) after a later one of the same schedule was
 * applied changes nothing, while a new schedule (which counts from 0 again) is followed.
 */
public record RotateOwner(@TargetAggregateIdentifier String metricId, String owner, String scheduleId, long handoff) {
}
