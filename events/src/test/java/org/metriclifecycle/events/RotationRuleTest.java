package org.metriclifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RotationRuleTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final List<String> MEMBERS = List.of("ada", "lena", "carl");

    @Test
    void handoffsFallOnStartPlusMultiplesOfThePeriod() {
        assertThat(RotationRule.handoffAt(START, WEEK, 0)).isEqualTo(START);
        assertThat(RotationRule.handoffAt(START, WEEK, 2)).isEqualTo(START.plus(Duration.ofDays(14)));
    }

    @Test
    void nextAndLastHandoffAroundAnInstant() {
        assertThat(RotationRule.nextHandoff(START, WEEK, START.minusSeconds(1))).isZero();
        assertThat(RotationRule.nextHandoff(START, WEEK, START)).isZero();
        assertThat(RotationRule.nextHandoff(START, WEEK, START.plusSeconds(1))).isEqualTo(1);
        assertThat(RotationRule.lastHandoff(START, WEEK, START.minusSeconds(1))).isEqualTo(-1);
        assertThat(RotationRule.lastHandoff(START, WEEK, START.plus(WEEK))).isEqualTo(1);
        assertThat(RotationRule.lastHandoff(START, WEEK, START.plus(WEEK).minusMillis(1))).isZero();
    }

    @Test
    void theIthMetricGoesToMemberKPlusIModN() {
        List<String> metrics = List.of("m0", "m1", "m2", "m3");
        assertThat(RotationRule.assignments(MEMBERS, List.of(), 0, START, metrics)).extracting(RotationAssignment::owner)
                .containsExactly("ada", "lena", "carl", "ada");
        assertThat(RotationRule.assignments(MEMBERS, List.of(), 1, START, metrics)).extracting(RotationAssignment::owner)
                .containsExactly("lena", "carl", "ada", "lena");
    }

    @Test
    void anAbsentMemberIsReplacedOnlyWhileTheOverrideCoversTheHandoff() {
        List<RotationRule.Absence> away = List.of(
                new RotationRule.Absence("lena", "vera", START, START.plus(WEEK)));
        assertThat(RotationRule.ownerAt(MEMBERS, away, 0, 1, START)).isEqualTo("vera");
        assertThat(RotationRule.ownerAt(MEMBERS, away, 0, 0, START)).isEqualTo("ada");
        assertThat(RotationRule.ownerAt(MEMBERS, away, 3, 1, START.plus(WEEK))).isEqualTo("lena");
    }
}
