package org.metriclifecycle.deploy.webhooks;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.metriclifecycle.command.team.SubscribeWebhook;
import org.metriclifecycle.command.team.UnsubscribeWebhook;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The webhook endpoints' writes: each is the team's command and the secret's row in one transaction, so a
 * subscription never exists without its secret, nor a secret without its subscription.
 */
@Singleton
public class WebhookRegistry {

    /** What a subscriber is told once, when it subscribes. */
    public record Subscribed(String subscriptionId, String secret, String secretFingerprint) {
    }

    private final WebhookSecretStore secrets;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    @Inject
    WebhookRegistry(WebhookSecretStore secrets, WebhookDeliveries deliveries, Clock clock) {
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * @param send sends the command (with the request's metadata); it joins this transaction, so a refused command
     *             leaves no secret behind
     */
    public Subscribed subscribe(String team, String url, String format, Set<String> eventKinds, Consumer<Object> send) {
        String subscriptionId = UUID.randomUUID().toString();
        String secret = WebhookSecret.generate();
        String fingerprint = WebhookSecret.fingerprint(secret);
        QuarkusTransaction.requiringNew().run(() -> {
            secrets.insert(subscriptionId, team, secret, clock.instant());
            send.accept(new SubscribeWebhook(team, subscriptionId, url, format, eventKinds, fingerprint));
        });
        return new Subscribed(subscriptionId, secret, fingerprint);
    }

    /** The secret goes with the subscription: its pending deliveries end FAILED rather than being sent unsigned. */
    public void unsubscribe(String team, String subscriptionId, Consumer<Object> send) {
        QuarkusTransaction.requiringNew().run(() -> {
            send.accept(new UnsubscribeWebhook(team, subscriptionId));
            secrets.delete(subscriptionId);
        });
    }

    /** The secret of a subscription in force (for a replayed subscription answer); empty once unsubscribed. */
    public java.util.Optional<String> secretOf(String subscriptionId) {
        return secrets.find(subscriptionId);
    }

    public DeliveryLog deliveries(String team, String subscriptionId, int page, int size) {
        return deliveries.log(team, subscriptionId, page, size);
    }
}
