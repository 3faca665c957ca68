package org.metriclifecycle.deploy.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, wait {@code backoff[n-1]} (the last step
 * repeats once the list runs out), and give up after {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(List<Duration> backoff, int maxAttempts) {

    public RetryPolicy {
        backoff = List.copyOf(backoff);
        if (backoff.isEmpty() || backoff.stream().anyMatch(step -> step.isNegative() || step.isZero())) {
            throw new IllegalArgumentException("backoff must list positive durations, was " + backoff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /**
     * @param attemptsMade attempts so far, the failed one included (from 1)
     * @return how long to wait before the next attempt, or empty when the delivery has failed for good
     */
    public Optional<Duration> delayAfter(int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(backoff.get(Math.min(Math.max(attemptsMade, 1), backoff.size()) - 1));
    }
}
