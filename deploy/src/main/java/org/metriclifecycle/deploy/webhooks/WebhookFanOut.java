package org.metriclifecycle.deploy.webhooks;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import org.metriclifecycle.events.WebhookFormat;
import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;

/** Addresses a notification to every subscription of its team that receives its kind, and enqueues the deliveries. */
public final class WebhookFanOut {

    private final WebhookSubscriptionStore subscriptions;
    private final DeliveryQueue queue;
    private final Clock clock;

    public WebhookFanOut(WebhookSubscriptionStore subscriptions, DeliveryQueue queue, Clock clock) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A subscription made after the notification's moment does not get it: a lagging outbox must not tell a new
     * subscriber about the past.
     *
     * @return how many deliveries were added (redelivery of the same notification adds none)
     */
    public int enqueue(Notification notification, String dedupKey) {
        int added = 0;
        for (WebhookSubscriptionView subscription : subscriptions.ofTeam(notification.team())) {
            if (!subscription.receives(notification.kind().wireName())
                    || subscription.subscribedAt().isAfter(notification.occurredAt())) {
                continue;
            }
            // A format unknown to this version (written by a newer one) falls back to the service's own JSON.
            WebhookFormat format = WebhookFormat.fromWireName(subscription.format()).orElse(WebhookFormat.JSON);
            String deliveryId = UUID.randomUUID().toString();
            NewDelivery delivery = new NewDelivery(deliveryId, subscription.subscriptionId(), notification.team(),
                    notification.kind().wireName(), dedupKey, notification.metricId(), subscription.url(),
                    NotificationBody.render(notification, deliveryId, format), clock.instant());
            if (queue.enqueue(delivery)) {
                added++;
            }
        }
        return added;
    }
}
