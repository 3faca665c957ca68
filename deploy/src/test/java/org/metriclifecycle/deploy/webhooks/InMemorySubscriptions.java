package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;

/** A {@link WebhookSubscriptionStore} in a map, for tests. */
final class InMemorySubscriptions implements WebhookSubscriptionStore {

    private final Map<String, WebhookSubscriptionView> subscriptions = new LinkedHashMap<>();

    WebhookSubscriptionView add(String id, String team, String format, Instant at, String... kinds) {
        WebhookSubscriptionView view = new WebhookSubscriptionView(id, team, "https://hooks.example.com/" + id, format,
                List.of(kinds), "sha256:" + id, at, "lena");
        save(view);
        return view;
    }

    @Override
    public Optional<WebhookSubscriptionView> find(String subscriptionId) {
        return Optional.ofNullable(subscriptions.get(subscriptionId));
    }

    @Override
    public List<WebhookSubscriptionView> ofTeam(String team) {
        return all().stream().filter(s -> s.team().equals(team)).toList();
    }

    @Override
    public List<WebhookSubscriptionView> all() {
        List<WebhookSubscriptionView> sorted = new ArrayList<>(subscriptions.values());
        sorted.sort(Comparator.comparing(WebhookSubscriptionView::team)
                .thenComparing(WebhookSubscriptionView::subscribedAt));
        return sorted;
    }

    @Override
    public void save(WebhookSubscriptionView view) {
        subscriptions.put(view.subscriptionId(), view);
    }

    @Override
    public void remove(String subscriptionId) {
        subscriptions.remove(subscriptionId);
    }
}
