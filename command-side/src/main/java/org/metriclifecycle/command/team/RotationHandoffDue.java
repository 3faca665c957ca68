package org.metriclifecycle.command.team;

/**
 * Payload of the "rotation-handoff" deadline. It names its schedule, because a replaced or stopped schedule's
 * deadline stays scheduled and must then do nothing, and the handoff number it was scheduled for.
 */
public record RotationHandoffDue(String scheduleId, long handoff) {
}
