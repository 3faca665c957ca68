package org.metriclifecycle.command.team;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.metriclifecycle.events.TeamEvent;

/**
 * Notifies the team's receiver at {@code url} of {@code eventKinds} (wire names of
 * {@link org.metriclifecycle.events.WebhookEventKind}) in {@code format} ({@code json} or {@code slack}). The secret
 * that signs the deliveries is generated and kept outside the event store; the command carries only its
 * fingerprint, for the audit trail.
 */
public record SubscribeWebhook(String team, String subscriptionId, String url, String format, Set<String> eventKinds,
                               String secretFingerprint) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }
}
