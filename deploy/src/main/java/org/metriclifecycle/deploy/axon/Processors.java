package org.metriclifecycle.deploy.axon;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.deploy.web.LiveUpdates;
import org.metriclifecycle.deploy.web.MetricTeams;
import org.metriclifecycle.deploy.webhooks.WebhookOutbox;
import org.metriclifecycle.deploy.webhooks.WebhookWiring;
import org.metriclifecycle.query.metric.MetricProjection;
import org.metriclifecycle.query.metric.jpa.JpaMetricViewStore;
import org.metriclifecycle.query.team.TeamProjection;
import org.metriclifecycle.query.team.TeamViewStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionProjection;
import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;

/**
 * The event handlers, each on a subscribing processor: they run in the unit of work that appends the events, so a
 * command's views, history and outbox rows (webhook deliveries, rotation fan-out) commit with its events, and a
 * handler that fails rolls the command back (docs/design.md "How it works"). Nothing reads the event store behind
 * the writes: no tokens, no sequence gaps to wait out.
 */
@Singleton
class Processors {

    /** The processors, in the order they run within a command's transaction. */
    static final String METRIC_VIEWS = "metric-views";
    static final String TEAM_VIEWS = "team-views";

    private final JpaMetricViewStore metricViews;
    private final TeamViewStore teamViews;
    private final WebhookSubscriptionStore subscriptions;
    private final EventStore events;
    private final Deadlines deadlines;
    private final WebhookWiring webhooks;
    private final LiveUpdates live;

    @Inject
    Processors(JpaMetricViewStore metricViews, TeamViewStore teamViews, WebhookSubscriptionStore subscriptions,
               EventStore events, Deadlines deadlines, WebhookWiring webhooks, LiveUpdates live) {
        this.metricViews = metricViews;
        this.teamViews = teamViews;
        this.subscriptions = subscriptions;
        this.events = events;
        this.deadlines = deadlines;
        this.webhooks = webhooks;
        this.live = live;
    }

    void register(EventProcessingConfigurer processing) {
        processing
                .registerEventHandler(c -> new MetricProjection(metricViews, events))
                .registerEventHandler(c -> new TeamProjection(teamViews, events))
                .registerEventHandler(c -> new WebhookSubscriptionProjection(subscriptions))
                .registerEventHandler(c -> deadlines.rotationOutbox())
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        List<String> processors = new ArrayList<>(
                List.of(METRIC_VIEWS, TEAM_VIEWS, RotationFanOut.Outbox.PROCESSING_GROUP));
        webhooks.outbox().ifPresent(outbox -> {
            processing.registerEventHandler(c -> outbox);
            processors.add(WebhookOutbox.PROCESSING_GROUP);
        });
        for (String processor : processors) {
            processing.registerSubscribingEventProcessor(processor);
        }
        // The web page's live updates: what the two view processors applied, published after the commit.
        MetricTeams metricTeams = new MetricTeams(metricViews);
        processing
                .registerHandlerInterceptor(METRIC_VIEWS, c -> live.publishAfterCommit(metricTeams::describe))
                .registerHandlerInterceptor(TEAM_VIEWS, c -> live.publishAfterCommit(MetricTeams::describeTeamEvent));
    }
}
