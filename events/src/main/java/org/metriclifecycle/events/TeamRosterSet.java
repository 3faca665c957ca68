package org.metriclifecycle.events;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The team's roster: who may own its metrics and stand in its rotation. {@code previousMembers} is the roster it
 * replaced (empty when the team had none), so the audit trail shows who joined and who left.
 */
@Revision("1")
public record TeamRosterSet(String team, List<String> previousMembers, List<String> members, Instant setAt)
        implements TeamEvent {

    public TeamRosterSet {
        previousMembers = previousMembers == null ? List.of() : List.copyOf(previousMembers);
        members = members == null ? List.of() : List.copyOf(members);
    }
}
