package org.metriclifecycle.query.webhook;

import java.util.List;
import java.util.Optional;

/** Where the subscriptions in force are kept. Implementations run inside the caller's transaction. */
public interface WebhookSubscriptionStore {

    Optional<WebhookSubscriptionView> find(String subscriptionId);

    /** The team's subscriptions, oldest first. */
    List<WebhookSubscriptionView> ofTeam(String team);

    /** Every subscription of every team, by team and then oldest first. */
    List<WebhookSubscriptionView> all();

    /** Inserts or replaces the subscription of {@code view.subscriptionId()}. */
    void save(WebhookSubscriptionView view);

    /** Drops the subscription; nothing happens when there is none. */
    void remove(String subscriptionId);
}
