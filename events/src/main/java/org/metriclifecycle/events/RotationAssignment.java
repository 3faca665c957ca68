package org.metriclifecycle.events;

/** Who owns one metric after a handoff. */
public record RotationAssignment(String metricId, String owner) {
}
