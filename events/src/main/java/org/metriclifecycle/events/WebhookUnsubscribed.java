package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The team stopped the webhook subscription; nothing more is sent to it. */
@Revision("1")
public record WebhookUnsubscribed(String team, String subscriptionId, Instant unsubscribedAt) implements TeamEvent {
}
