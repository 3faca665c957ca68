package org.metriclifecycle.command.metric;

import java.time.Instant;

/** The payload of a shadow check's expiry deadline: which check, and the observeUntil it was scheduled for. */
public record ShadowCheckDeadline(String checkId, Instant observeUntil) {
}
