package org.metriclifecycle.deploy.axon;

import java.time.Clock;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.query.metric.MetricQueryHandlers;
import org.metriclifecycle.query.metric.jpa.JpaMetricViewStore;
import org.metriclifecycle.query.team.TeamHistoryQueries;
import org.metriclifecycle.query.team.TeamQueryHandlers;
import org.metriclifecycle.query.team.TeamViewStore;
import org.metriclifecycle.query.webhook.WebhookQueryHandlers;
import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;

/** The query side's handlers, on the stores and the event store they read (the latter for {@code asOf} and history). */
@Singleton
class QueryHandlers {

    private final List<Object> all;

    @Inject
    QueryHandlers(JpaMetricViewStore metricViews, TeamViewStore teamViews, WebhookSubscriptionStore subscriptions,
                  EventStore events, Clock clock, TeamSettings teams, LifecycleSettings lifecycle) {
        this.all = List.of(
                new MetricQueryHandlers(metricViews, events, teamViews, clock),
                new TeamQueryHandlers(teamViews, metricViews, clock, teams.defaultCoreMetricLimit(),
                        lifecycle.revalidationInterval()),
                new WebhookQueryHandlers(subscriptions),
                new TeamHistoryQueries(events));
    }

    List<Object> all() {
        return all;
    }
}
