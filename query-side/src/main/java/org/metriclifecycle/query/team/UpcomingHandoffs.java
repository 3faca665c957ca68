package org.metriclifecycle.query.team;

import java.time.Instant;
import java.util.List;

/**
 * The team's next handoffs, soonest first, as forecast from today's active metrics: a metric proposed or
 * deprecated later shifts the later handoffs, so the feed is a forecast, not a promise.
 */
public record UpcomingHandoffs(String team, List<Handoff> handoffs) {

    public UpcomingHandoffs {
        handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
    }

    /** Handoff number {@code handoff} of the current schedule, due {@code at}, and the owners it leaves. */
    public record Handoff(long handoff, Instant at, List<HandoffAssignment> assignments) {

        public Handoff {
            assignments = assignments == null ? List.of() : List.copyOf(assignments);
        }
    }

    /** Who owns one metric after a handoff. */
    public record HandoffAssignment(String metricId, String metricName, String owner) {
    }
}
