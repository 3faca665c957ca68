package org.metriclifecycle.query.webhook.jpa;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;

/**
 * Keeps the subscriptions in {@code webhook_subscription}. The entity manager is a transaction-scoped proxy; every
 * method expects the caller's transaction to be active.
 */
public class JpaWebhookSubscriptionStore implements WebhookSubscriptionStore {

    private static final String SEPARATOR = ",";

    private final EntityManager em;

    public JpaWebhookSubscriptionStore(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<WebhookSubscriptionView> find(String subscriptionId) {
        return Optional.ofNullable(em.find(WebhookSubscriptionEntity.class, subscriptionId))
                .map(JpaWebhookSubscriptionStore::view);
    }

    @Override
    public List<WebhookSubscriptionView> ofTeam(String team) {
        return em.createQuery("select s from WebhookSubscriptionEntity s where s.team = :team "
                        + "order by s.subscribedAt, s.subscriptionId", WebhookSubscriptionEntity.class)
                .setParameter("team", team)
                .getResultList().stream().map(JpaWebhookSubscriptionStore::view).toList();
    }

    @Override
    public List<WebhookSubscriptionView> all() {
        return em.createQuery("select s from WebhookSubscriptionEntity s "
                        + "order by s.team, s.subscribedAt, s.subscriptionId", WebhookSubscriptionEntity.class)
                .getResultList().stream().map(JpaWebhookSubscriptionStore::view).toList();
    }

    @Override
    public void save(WebhookSubscriptionView view) {
        String kinds = String.join(SEPARATOR, view.events());
        WebhookSubscriptionEntity row = em.find(WebhookSubscriptionEntity.class, view.subscriptionId());
        if (row == null) {
            em.persist(new WebhookSubscriptionEntity(view.subscriptionId(), view.team(), view.url(), view.format(),
                    kinds, view.secretFingerprint(), view.subscribedAt(), view.subscribedBy()));
        } else {
            row.update(view.team(), view.url(), view.format(), kinds, view.secretFingerprint(), view.subscribedAt(),
                    view.subscribedBy());
        }
    }

    @Override
    public void remove(String subscriptionId) {
        em.createQuery("delete from WebhookSubscriptionEntity s where s.subscriptionId = :id")
                .setParameter("id", subscriptionId).executeUpdate();
    }

    private static WebhookSubscriptionView view(WebhookSubscriptionEntity row) {
        List<String> kinds = row.getEventKinds().isEmpty() ? List.of()
                : Arrays.asList(row.getEventKinds().split(SEPARATOR));
        return new WebhookSubscriptionView(row.getSubscriptionId(), row.getTeam(), row.getUrl(), row.getFormat(),
                kinds, row.getSecretFingerprint(), row.getSubscribedAt(), row.getSubscribedBy());
    }
}
