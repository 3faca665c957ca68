package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;

/**
 * One notification addressed to one subscription, ready to be sent.
 *
 * @param dedupKey what makes it the same notification when it comes again: {@code event:<event id>} for an event,
 *                 {@code due:<kind>:<metric>:<due instant>} for a coming deadline. One delivery per subscription and
 *                 key, however often the event is redelivered or the deadline is seen.
 * @param metricId null for a team-wide notification
 * @param body     the exact bytes (UTF-8) every attempt sends and signs
 */
public record NewDelivery(String deliveryId, String subscriptionId, String team, String kind, String dedupKey,
                          String metricId, String url, String body, Instant createdAt) {
}
