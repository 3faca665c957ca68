package org.metriclifecycle.query.team;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where team views are kept, keyed by the team's slug. Implementations run inside the caller's transaction, like
 * the metric view store.
 */
public interface TeamViewStore {

    Optional<StoredTeamView> find(String team);

    /** {@link #find} for a writer: the row stays locked until the caller's transaction ends (as for metric views). */
    default Optional<StoredTeamView> findForUpdate(String team) {
        return find(team);
    }

    /** The view this store last read or wrote for the team, from memory, as for metric views. */
    default Optional<StoredTeamView> lastKnown(String team) {
        return Optional.empty();
    }

    /**
     * Replaces the view only if its row still holds {@code expected} (as {@link #lastKnown} gave it), in one
     * statement that locks the row; false, with nothing written, otherwise (as for metric views).
     */
    default boolean saveIfStill(StoredTeamView expected, TeamView view, long lastSequence) {
        return false;
    }

    /** Inserts or replaces the view of {@code view.team()}. */
    void save(TeamView view, long lastSequence);

    /** Drops the team's view, so that a replay rebuilds it from its first event. */
    void forget(String team);

    /** The sequence of the last event folded into the team's view, empty while it has none. */
    OptionalLong lastAppliedSequence(String team);
}
