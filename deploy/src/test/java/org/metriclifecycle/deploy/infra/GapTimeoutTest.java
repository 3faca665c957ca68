package org.metriclifecycle.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The service refuses a gap timeout under twice the transaction timeout (README "Operating the projections"). */
class GapTimeoutTest {

    @Test
    void acceptsTwiceTheTransactionTimeoutOrMore() {
        assertThat(GapTimeout.checked(Duration.ofMinutes(5), Duration.ofSeconds(60))).isEqualTo(300_000);
        assertThat(GapTimeout.checked(Duration.ofSeconds(120), Duration.ofSeconds(60))).isEqualTo(120_000);
    }

    @Test
    void refusesLessThanTwiceTheTransactionTimeout() {
        assertThatThrownBy(() -> GapTimeout.checked(Duration.ofSeconds(119), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("metrics.processors.gap-timeout")
                .hasMessageContaining("PT2M");
    }

    @Test
    void refusesWhatAxonCannotHold() {
        assertThatThrownBy(() -> GapTimeout.checked(Duration.ofDays(30), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class);
    }
}
