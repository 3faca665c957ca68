package org.metriclifecycle.deploy.security;

import org.metriclifecycle.deploy.axon.AfterCommit;

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
 * (it may be proposed a moment later). The view answers; a metric whose view is missing (lost, not yet rebuilt,
 * imported behind the service) is found by the proposal at the head of its stream.
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

    private final AfterCommit afterCommit;

    @Inject
    MetricTeamDirectory(MetricViewStore views, EventStore events, AfterCommit afterCommit) {
        this.views = views;
        this.events = events;
        this.afterCommit = afterCommit;
    }

    /** A metric just proposed: its team is known without asking, once the proposal has committed. */
    public void proposed(String metricId, String team) {
        afterCommit.run(() -> teams.put(metricId, team));
    }

    /** The metric's team, or null for an unknown metric. */
    public String teamOf(String metricId) {
        String known = teams.get(metricId);
        if (known != null) {
            return known;
        }
        String team = QuarkusTransaction.joiningExisting().call(() -> views.teamOf(metricId)
                .orElseGet(() -> proposedIn(metricId)));
        if (team != null) {
            teams.put(metricId, team);
        }
        return team;
    }

    private String proposedIn(String metricId) {
        DomainEventStream stream = events.readEvents(metricId, 0);
        return stream.hasNext() && stream.next().getPayload() instanceof MetricProposed proposed
                ? proposed.team() : null;
    }
}
