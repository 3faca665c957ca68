package org.metriclifecycle.deploy.infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.query.metric.MetricViewStore;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The team a metric belongs to, as authorization asks it on every write to a metric. A metric never changes team,
 * so a known answer is remembered and the database is asked once per metric; an unknown metric is asked each time
 * (it may be proposed a moment later).
 */
@Singleton
public class MetricTeamDirectory {

    private static final int REMEMBERED = 50_000;

    private final MetricViewStore views;
    private final EventStore events;
    private final Map<String, String> teams = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Inject
    MetricTeamDirectory(MetricViewStore views, EventStore events) {
        this.views = views;
        this.events = events;
    }

    private String proposedTeam(String metricId) {
        DomainEventStream stream = events.readEvents(metricId, 0);
        if (stream.hasNext() && stream.next().getPayload() instanceof MetricProposed proposed) {
            return proposed.team();
        }
        return null;
    }

    /** The metric's team, or null for an unknown metric. */
    public String teamOf(String metricId) {
        String known = teams.get(metricId);
        if (known != null) {
            return known;
        }
        // A stream whose view is missing (lost, not yet rebuilt, or events imported behind the service's back) is
        // still a metric: its proposal names the team, and the next write catches the view up.
        String team = QuarkusTransaction.joiningExisting().call(() -> views.teamOf(metricId)
                .orElseGet(() -> proposedTeam(metricId)));
        if (team != null) {
            teams.put(metricId, team);
        }
        return team;
    }
}
