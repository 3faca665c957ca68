package org.metriclifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RotationRuleTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);
    private static final RotationPeriod WEEK = RotationPeriod.of(SEVEN_DAYS);
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
        assertThat(RotationRule.lastHandoff(START, WEEK, START.plus(SEVEN_DAYS))).isEqualTo(1);
        assertThat(RotationRule.lastHandoff(START, WEEK, START.plus(SEVEN_DAYS).minusMillis(1))).isZero();
    }

    @Test
    void calendarPeriodsAddWeeksAsDaysAndMonthsInUtc() {
        assertThat(RotationPeriod.parse("P1W")).isEqualTo(WEEK);
        assertThat(RotationPeriod.parse("P2W")).isEqualTo(RotationPeriod.of(Duration.ofDays(14)));
        RotationPeriod monthly = RotationPeriod.parse("P1M");
        Instant endOfJanuary = Instant.parse("2026-01-31T09:00:00Z");
        assertThat(RotationRule.handoffAt(endOfJanuary, monthly, 1)).isEqualTo(Instant.parse("2026-02-28T09:00:00Z"));
        assertThat(RotationRule.handoffAt(endOfJanuary, monthly, 2)).isEqualTo(Instant.parse("2026-03-31T09:00:00Z"));
        assertThat(RotationRule.handoffAt(endOfJanuary, RotationPeriod.parse("P3M"), 1))
                .isEqualTo(Instant.parse("2026-04-30T09:00:00Z"));
        assertThat(monthly.toString()).isEqualTo("P1M");
        assertThat(RotationPeriod.parse("P3M").toString()).isEqualTo("P3M");
    }

    @Test
    void nextAndLastMonthlyHandoffAgreeWithHandoffAt() {
        RotationPeriod monthly = RotationPeriod.parse("P1M");
        Instant start = Instant.parse("2026-01-31T09:00:00Z");
        assertThat(RotationRule.lastHandoff(start, monthly, Instant.parse("2026-02-28T08:59:59Z"))).isZero();
        assertThat(RotationRule.lastHandoff(start, monthly, Instant.parse("2026-02-28T09:00:00Z"))).isEqualTo(1);
        assertThat(RotationRule.nextHandoff(start, monthly, Instant.parse("2026-02-28T09:00:00Z"))).isEqualTo(1);
        assertThat(RotationRule.nextHandoff(start, monthly, Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(2);
        assertThat(RotationRule.lastHandoff(start, monthly, Instant.parse("2036-01-31T09:00:00Z"))).isEqualTo(120);
        for (long k = 0; k < 40; k++) {
            Instant at = RotationRule.handoffAt(start, monthly, k);
            assertThat(RotationRule.lastHandoff(start, monthly, at)).isEqualTo(k);
            assertThat(RotationRule.nextHandoff(start, monthly, at.plusMillis(1))).isEqualTo(k + 1);
        }
    }

    @Test
    void anythingElseIsNotAPeriod() {
        for (String text : new String[] {"P2M", "P1Y", "monthly", "", "P"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RotationPeriod.parse(text))
                    .isInstanceOf(IllegalArgumentException.class);
        }
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
                new RotationRule.Absence("lena", "vera", START, START.plus(SEVEN_DAYS)));
        assertThat(RotationRule.ownerAt(MEMBERS, away, 0, 1, START)).isEqualTo("vera");
        assertThat(RotationRule.ownerAt(MEMBERS, away, 0, 0, START)).isEqualTo("ada");
        assertThat(RotationRule.ownerAt(MEMBERS, away, 3, 1, START.plus(SEVEN_DAYS))).isEqualTo("lena");
    }
}
