package org.metriclifecycle.query.metric;

import java.time.Instant;

import org.metriclifecycle.events.ShadowCheckResult;

/**
 * One shadow check as the listing shows it; {@code state} is OPEN, CONFIRMED, DIVERGED or EXPIRED, {@code result}
 * and {@code outcomeDelta} are null until it is concluded.
 */
public record ShadowCheckView(String checkId, String change, double evalDelta, String hypothesisId,
                              Instant observeUntil, String state, ShadowCheckResult result, Double outcomeDelta) {
}
