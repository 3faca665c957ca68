package org.metriclifecycle.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LifecycleSettingsTest {

    @Test
    void rejectsNonPositiveDurations() {
        assertThatThrownBy(() -> new LifecycleSettings(Duration.ZERO, Duration.ofDays(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linkWindow");
        assertThatThrownBy(() -> new LifecycleSettings(Duration.ofDays(1), Duration.ofSeconds(-1),
                Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revalidationInterval");
    }

    @Test
    void rejectsMissingDurations() {
        assertThatThrownBy(() -> new LifecycleSettings(null, Duration.ofDays(1), Duration.ofHours(1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("linkWindow");
    }
}
