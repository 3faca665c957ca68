package org.metriclifecycle.query.team;

import java.util.Objects;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.events.TeamEvent;

/**
 * Keeps each team's view in step with its event stream, inside the transaction that appends the events. An event
 * is applied only when its sequence is newer than the last one the view has seen, so a second delivery changes
 * nothing. A view behind its stream catches up from the event store first, as a metric's does.
 */
@ProcessingGroup(TeamProjection.PROCESSING_GROUP)
public class TeamProjection {

    public static final String PROCESSING_GROUP = "team-views";

    private final TeamViewStore store;
    private final EventStore events;

    /** Without an event store: a view behind its stream is not caught up (for tests that feed every event). */
    public TeamProjection(TeamViewStore store) {
        this(store, null);
    }

    public TeamProjection(TeamViewStore store, EventStore events) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = events;
    }

    @EventHandler
    public void on(TeamEvent event, @SequenceNumber long sequence) {
        // The usual write, as for metric views: onto the view the store wrote last, if the row still holds it.
        Optional<StoredTeamView> known = store.lastKnown(event.team());
        if (known.isPresent() && known.get().lastSequence() == sequence - 1
                && store.saveIfStill(known.get(), TeamViewFold.apply(known.get().view(), event), sequence)) {
            return;
        }
        Optional<StoredTeamView> stored = store.findForUpdate(event.team());
        long last = stored.map(StoredTeamView::lastSequence).orElse(-1L);
        if (sequence <= last) {
            return;
        }
        TeamView view = stored.map(StoredTeamView::view).orElse(null);
        if (sequence > last + 1 && events != null) {
            DomainEventStream missed = events.readEvents(TeamEvent.aggregateId(event.team()), last + 1);
            while (missed.hasNext()) {
                DomainEventMessage<?> message = missed.next();
                if (message.getSequenceNumber() >= sequence) {
                    break;
                }
                if (message.getPayload() instanceof TeamEvent missing) {
                    view = TeamViewFold.apply(view, missing);
                }
            }
        }
        store.save(TeamViewFold.apply(view, event), sequence);
    }
}
