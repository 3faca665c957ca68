package org.metriclifecycle.query.webhook;

import java.util.List;

/** The JSON of {@code GET /api/v1/teams/{team}/webhooks}: the subscriptions in force, oldest first. */
public record WebhookSubscriptions(String team, List<WebhookSubscriptionView> items) {

    public WebhookSubscriptions {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
