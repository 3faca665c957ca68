package org.metriclifecycle.deploy.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.query.metric.MetricViewStore;

/**
 * Turns an event a view processor applied into a {@link LiveUpdates.Change}. A metric's events (but the first) do
 * not name its team, so the team is read from the metric's view, inside the processor's own transaction and after
 * the projection has applied the event; a metric never changes team, so the answer is remembered.
 */
public final class MetricTeams {

    private static final int REMEMBERED = 10_000;

    private final MetricViewStore views;
    private final Map<String, String> teamByMetric = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public MetricTeams(MetricViewStore views) {
        this.views = views;
    }

    public LiveUpdates.Change describe(EventMessage<?> message) {
        if (!(message.getPayload() instanceof MetricEvent) || !(message instanceof DomainEventMessage<?> domain)) {
            return null;
        }
        String metricId = domain.getAggregateIdentifier();
        String team = message.getPayload() instanceof MetricProposed proposed ? proposed.team()
                : teamByMetric.get(metricId);
        if (message.getPayload() instanceof MetricProposed) {
            teamByMetric.put(metricId, team);
        } else if (team == null) {
            team = views.teamOf(metricId).orElse(null);
            if (team != null) {
                teamByMetric.put(metricId, team);
            }
        }
        return new LiveUpdates.Change(metricId, team, message.getPayloadType().getSimpleName());
    }

    public static LiveUpdates.Change describeTeamEvent(EventMessage<?> message) {
        if (!(message.getPayload() instanceof TeamEvent event)) {
            return null;
        }
        return new LiveUpdates.Change(TeamEvent.aggregateId(event.team()), event.team(),
                message.getPayloadType().getSimpleName());
    }
}
