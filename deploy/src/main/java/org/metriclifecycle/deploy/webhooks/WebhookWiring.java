package org.metriclifecycle.deploy.webhooks;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.deploy.axon.AfterCommit;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;
import org.metriclifecycle.query.webhook.jpa.JpaWebhookSubscriptionStore;

/** The webhooks' parts that Axon runs: the subscriptions' store and, when webhooks are on, the delivery outbox. */
@Singleton
public class WebhookWiring {

    private final Optional<WebhookOutbox> outbox;

    @Inject
    WebhookWiring(WebhooksConfig config, WebhookSubscriptionStore subscriptions, WebhookDeliveries deliveries,
                  WebhookScheduler sender, AfterCommit afterCommit, MetricViewStore metrics, EventStore events,
                  Clock clock) {
        // The sender is woken only by a command that enqueued a delivery: waking it after every command cost a
        // transaction and a poll of the outbox per command.
        DeliveryQueue waking = delivery -> {
            boolean added = deliveries.enqueue(delivery);
            if (added) {
                afterCommit.run(sender::wake);
            }
            return added;
        };
        this.outbox = config.enabled()
                ? Optional.of(new WebhookOutbox(new WebhookFanOut(subscriptions, waking, clock),
                        new StoredMetricDirectory(metrics, events)))
                : Optional.empty();
    }

    /** The handler that writes deliveries in the transaction of the event that causes them; none when disabled. */
    public Optional<WebhookOutbox> outbox() {
        return outbox;
    }

    @Produces
    @Singleton
    static WebhookSubscriptionStore subscriptions(ActiveDatabase database) {
        return new JpaWebhookSubscriptionStore(database.entityManager());
    }
}
