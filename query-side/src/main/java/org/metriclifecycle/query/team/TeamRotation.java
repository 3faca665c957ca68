package org.metriclifecycle.query.team;

import java.time.Instant;
import java.util.List;

import org.metriclifecycle.events.RotationPeriod;

/**
 * The JSON of {@code GET /api/v1/teams/{team}/rotation}.
 *
 * @param assignments one per active metric, in order of proposal (the order the rotation counts them in)
 */
public record TeamRotation(
        String team,
        List<String> members,
        RotationPeriod period,
        Instant startsAt,
        Instant nextHandoffAt,
        List<OverrideView> overrides,
        List<Assignment> assignments) {

    public TeamRotation {
        members = members == null ? List.of() : List.copyOf(members);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }

    /** One active metric under rotation: who owns it now and who gets it at the next handoff. */
    public record Assignment(String metricId, String owner, String nextOwner) {
    }
}
