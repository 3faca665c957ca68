package org.metriclifecycle.query.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One webhook subscription in force, as the team lists it. Holds no secret: the signing secret never reaches the
 * event store or the read models.
 *
 * @param events            wire names of the kinds it receives, sorted
 * @param secretFingerprint {@code sha256:} and the hex SHA-256 of the signing secret, to check which one you hold
 * @param subscribedBy      the principal who subscribed
 */
public record WebhookSubscriptionView(
        String subscriptionId,
        String team,
        String url,
        String format,
        List<String> events,
        String secretFingerprint,
        Instant subscribedAt,
        String subscribedBy) {

    public WebhookSubscriptionView {
        events = events == null ? List.of() : events.stream().sorted().toList();
    }

    public boolean receives(String kind) {
        return events.contains(kind);
    }
}
