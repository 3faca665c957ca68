package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;

/**
 * One delivery as the log shows it.
 *
 * @param metricId       null for a team-wide notification (a rotation handoff)
 * @param lastStatusCode the receiver's status at the last attempt, null before the first or when none came
 * @param lastError      why the last attempt failed, null after a success
 * @param nextAttemptAt  when a PENDING delivery is tried (again); null once DELIVERED or FAILED
 */
public record DeliveryLogEntry(
        String deliveryId,
        String kind,
        String metricId,
        DeliveryStatus status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant deliveredAt) {
}
