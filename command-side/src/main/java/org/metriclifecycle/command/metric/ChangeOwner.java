package org.metriclifecycle.command.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hands the metric to a new owner by hand; naming the current owner changes nothing (an idempotent PUT). */
public record ChangeOwner(@TargetAggregateIdentifier String metricId, String owner) {
}
