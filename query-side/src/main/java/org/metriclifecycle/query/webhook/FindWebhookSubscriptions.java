package org.metriclifecycle.query.webhook;

/** The team's webhook subscriptions in force; answered with {@link WebhookSubscriptions} (empty for any team). */
public record FindWebhookSubscriptions(String team) {
}
