package org.metriclifecycle.query.webhook;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link WebhookSubscriptionStore} in a map, for tests. */
public class InMemoryWebhookSubscriptionStore implements WebhookSubscriptionStore {

    private static final Comparator<WebhookSubscriptionView> ORDER = Comparator
            .comparing(WebhookSubscriptionView::team)
            .thenComparing(WebhookSubscriptionView::subscribedAt)
            .thenComparing(WebhookSubscriptionView::subscriptionId);

    private final Map<String, WebhookSubscriptionView> subscriptions = new LinkedHashMap<>();

    @Override
    public synchronized Optional<WebhookSubscriptionView> find(String subscriptionId) {
        return Optional.ofNullable(subscriptions.get(subscriptionId));
    }

    @Override
    public synchronized List<WebhookSubscriptionView> ofTeam(String team) {
        return subscriptions.values().stream().filter(s -> s.team().equals(team)).sorted(ORDER).toList();
    }

    @Override
    public synchronized List<WebhookSubscriptionView> all() {
        return subscriptions.values().stream().sorted(ORDER).toList();
    }

    @Override
    public synchronized void save(WebhookSubscriptionView view) {
        subscriptions.put(view.subscriptionId(), view);
    }

    @Override
    public synchronized void remove(String subscriptionId) {
        subscriptions.remove(subscriptionId);
    }
}
