package org.metriclifecycle.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamSettingsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void acceptsTheBounds(int limit) {
        assertThat(new TeamSettings(limit).defaultCoreMetricLimit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -8, 101})
    void rejectsALimitOutOfRange(int limit) {
        assertThatThrownBy(() -> new TeamSettings(limit))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultCoreMetricLimit");
    }

    @Test
    void aRefusalNamesTheBudgetAndTheWayOut() {
        BudgetExceededException refused = new BudgetExceededException("search", 8, 8);

        assertThat(refused).hasMessage("team search has 8 of 8 core metrics (its metric budget); "
                + "propose with replaces and businessCase to swap one out");
        assertThat(refused.team()).isEqualTo("search");
        assertThat(refused.coreMetricLimit()).isEqualTo(8);
        assertThat(refused.metricsCounted()).isEqualTo(8);
    }
}
