package org.metriclifecycle.query.webhook;

import java.util.List;
import java.util.Map;

import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;

/**
 * {@link WebhookSubscriptionProjection}'s rule as a pure fold over a team's stream, for the rebuild: a subscription is
 * in force from its {@link WebhookSubscribed} until its {@link WebhookUnsubscribed}. StreamFoldsTest keeps
 * the two equal.
 */
public final class WebhookSubscriptionFold {

    private WebhookSubscriptionFold() {
    }

    /**
     * @param inForce  the team's subscriptions by id, changed in place
     * @param actor    the event's {@link EventMetadata#ACTOR}, null when it has none
     */
    public static void apply(Map<String, WebhookSubscriptionView> inForce, TeamEvent event, String actor) {
        if (event instanceof WebhookSubscribed subscribed) {
            inForce.put(subscribed.subscriptionId(), view(subscribed, actor));
        } else if (event instanceof WebhookUnsubscribed unsubscribed) {
            inForce.remove(unsubscribed.subscriptionId());
        }
    }

    static WebhookSubscriptionView view(WebhookSubscribed event, String actor) {
        return new WebhookSubscriptionView(event.subscriptionId(), event.team(), event.url(), event.format(),
                List.copyOf(event.eventKinds()), event.secretFingerprint(), event.subscribedAt(),
                actor == null ? EventMetadata.ANONYMOUS_ACTOR : actor);
    }
}
