package org.metriclifecycle.events;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.serialization.Revision;

/**
 * The team will be notified at {@code url} of the {@code eventKinds} (wire names of {@link WebhookEventKind}), in
 * {@code format} (a wire name of {@link WebhookFormat}).
 * <p>
 * The signing secret itself is never part of the event: stored events are kept forever and read by whoever audits
 * the team, and a secret in them could never be withdrawn. {@code secretFingerprint} ({@code sha256:} and the hex
 * SHA-256 of the secret) tells which secret was issued without revealing it.
 */
@Revision("1")
public record WebhookSubscribed(
        String team,
        String subscriptionId,
        String url,
        String format,
        Set<String> eventKinds,
        String secretFingerprint,
        Instant subscribedAt) implements TeamEvent {

    public WebhookSubscribed {
        // Sorted, so the stored JSON lists the kinds in one order whatever set the command carried.
        eventKinds = eventKinds == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(eventKinds));
    }
}
