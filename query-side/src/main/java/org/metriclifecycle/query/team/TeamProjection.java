package org.metriclifecycle.query.team;

import java.util.Objects;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.metriclifecycle.events.TeamEvent;

/**
 * Keeps each team's view in step with its event stream. Delivery is at least once, so an event is applied only
 * when its sequence is newer than the last one the view has seen. A processing group of its own: a team's stream
 * and its metrics' streams are independent, and neither should wait on the other's replay.
 */
@ProcessingGroup(TeamProjection.PROCESSING_GROUP)
public class TeamProjection {

    public static final String PROCESSING_GROUP = "team-views";

    private final TeamViewStore store;

    public TeamProjection(TeamViewStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @EventHandler
    public void on(TeamEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        if (replay.isReplay() && sequence == 0) {
            // A rebuild starts each stream afresh; until then readers keep the old view rather than a hole.
            store.forget(event.team());
        }
        Optional<StoredTeamView> stored = store.find(event.team());
        if (stored.isPresent() && sequence <= stored.get().lastSequence()) {
            return;
        }
        TeamView before = stored.map(StoredTeamView::view).orElse(null);
        store.save(TeamViewFold.apply(before, event), sequence);
    }
}
