package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Before a change that improved an eval ships, a team opened a shadow check: the {@code change}, the eval's
 * {@code evalDelta}, the hypothesis whose outcome should move, and until when the outcome is observed.
 */
@Revision("1")
public record ShadowCheckOpened(
        String metricId,
        String checkId,
        String change,
        double evalDelta,
        String hypothesisId,
        Instant openedAt,
        Instant observeUntil) implements MetricEvent {
}
