package org.metriclifecycle.deploy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));

    @Test
    void waitsLongerAfterEachFailureThenGivesUp() {
        RetryPolicy policy = new RetryPolicy(DEFAULT_BACKOFF, 6);

        assertThat(policy.delayAfter(1)).hasValue(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(2)).hasValue(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(3)).hasValue(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(4)).hasValue(Duration.ofMinutes(10));
        assertThat(policy.delayAfter(5)).hasValue(Duration.ofHours(1));
        assertThat(policy.delayAfter(6)).as("the 6th attempt was the last").isEmpty();
    }

    @Test
    void theLastStepRepeatsWhenAttemptsOutnumberIt() {
        RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), 5);

        assertThat(policy.delayAfter(1)).hasValue(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2)).hasValue(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(3)).hasValue(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(4)).hasValue(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(5)).isEmpty();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThat(new RetryPolicy(DEFAULT_BACKOFF, 1).delayAfter(1)).isEmpty();
    }

    @Test
    void refusesAPolicyThatCouldNotWork() {
        assertThatThrownBy(() -> new RetryPolicy(List.of(), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(List.of(Duration.ZERO), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(List.of(Duration.ofSeconds(-1)), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(DEFAULT_BACKOFF, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
