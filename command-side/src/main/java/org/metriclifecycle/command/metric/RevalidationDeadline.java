package org.metriclifecycle.command.metric;

import java.time.Instant;

/**
 * Payload of the "revalidation" deadline. It carries the due instant it was scheduled for, because every supporting
 * correlation schedules a new one and only the latest may act.
 */
public record RevalidationDeadline(Instant due) {
}
