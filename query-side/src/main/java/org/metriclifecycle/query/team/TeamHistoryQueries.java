package org.metriclifecycle.query.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.ViewDiff;
import org.metriclifecycle.query.webhook.WebhookSubscriptionFold;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;

/**
 * Folds a team's stream into its history, like a metric's: each event with who, when, why and what it changed. A
 * team's stream is short (one event per decision and per admission), so it is read from the event store when asked
 * rather than kept as a second read model.
 */
public class TeamHistoryQueries {

    private final EventStore eventStore;

    public TeamHistoryQueries(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
    }

    @QueryHandler
    public TeamHistory history(FindTeamHistory query) {
        DomainEventStream events = eventStore.readEvents(TeamEvent.aggregateId(query.team()), 0L);
        List<HistoryEntry> entries = new ArrayList<>();
        TeamView view = null;
        Map<String, Object> before = null;
        Map<String, WebhookSubscriptionView> webhooks = new LinkedHashMap<>();
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (!(message.getPayload() instanceof TeamEvent event)) {
                continue; // a snapshot
            }
            view = TeamViewFold.apply(view, event);
            // The subscriptions' own fold, the one their read model uses (the secret is never in an event).
            WebhookSubscriptionFold.apply(webhooks, event, HistoryEntry.actor(message.getMetaData()));
            Map<String, Object> after = state(view, webhooks);
            entries.add(new HistoryEntry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                    message.getTimestamp(), HistoryEntry.actor(message.getMetaData()),
                    HistoryEntry.reason(message.getMetaData()), ViewDiff.betweenStates(before, after)));
            before = after;
        }
        return entries.isEmpty() ? null : new TeamHistory(query.team(), entries);
    }

    /** What a team's history tells changes of, in this order. */
    private static Map<String, Object> state(TeamView view, Map<String, WebhookSubscriptionView> webhooks) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("coreMetricLimit", view.coreMetricLimit());
        state.put("members", view.members());
        state.put("activeMetricIds", view.activeMetricIds());
        state.put("rotation", view.rotation());
        state.put("webhooks", new LinkedHashMap<>(webhooks));
        return state;
    }
}
