package org.metriclifecycle.events;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Handoff number {@code handoff} of schedule {@code scheduleId} came due: each active metric of the team goes to
 * the owner listed here. The metrics' own streams record the changes of owner ({@link OwnershipRotated}).
 */
@Revision("1")
public record RotationHandoffReached(
        String team,
        String scheduleId,
        long handoff,
        Instant handoffAt,
        List<RotationAssignment> assignments) implements TeamEvent {

    public RotationHandoffReached {
        assignments = List.copyOf(assignments);
    }
}
