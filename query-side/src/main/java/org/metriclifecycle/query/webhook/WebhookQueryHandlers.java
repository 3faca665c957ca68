package org.metriclifecycle.query.webhook;

import java.util.Objects;

import org.axonframework.queryhandling.QueryHandler;

/** Answers the webhook queries from the subscriptions read model. */
public class WebhookQueryHandlers {

    private final WebhookSubscriptionStore store;

    public WebhookQueryHandlers(WebhookSubscriptionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @QueryHandler
    public WebhookSubscriptions find(FindWebhookSubscriptions query) {
        return new WebhookSubscriptions(query.team(), store.ofTeam(query.team()));
    }
}
