package org.metriclifecycle.query.webhook;

import java.util.List;
import java.util.Objects;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;
import org.metriclifecycle.query.team.TeamProjection;

/**
 * Keeps the subscriptions in force. In the team views' processing group, so the subscriptions and the team's view
 * commit in one transaction: once the team's view has seen a write, so has this table (read-your-writes for the
 * webhook endpoints comes with the team's). Saving by id and removing by id are idempotent, and a stream's events
 * arrive in order, so redelivery and replay both end in the stream's state.
 */
@ProcessingGroup(TeamProjection.PROCESSING_GROUP)
public class WebhookSubscriptionProjection {

    private final WebhookSubscriptionStore store;

    public WebhookSubscriptionProjection(WebhookSubscriptionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @EventHandler
    public void on(WebhookSubscribed event, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        store.save(new WebhookSubscriptionView(event.subscriptionId(), event.team(), event.url(), event.format(),
                List.copyOf(event.eventKinds()), event.secretFingerprint(), event.subscribedAt(),
                actor == null ? EventMetadata.ANONYMOUS_ACTOR : actor));
    }

    @EventHandler
    public void on(WebhookUnsubscribed event) {
        store.remove(event.subscriptionId());
    }
}
