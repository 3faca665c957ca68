package org.metriclifecycle.events.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RevalidationDueTest {

    private static final Duration P90D = Duration.ofDays(90);

    @Test
    void recordedAfterThePeriodEndDayTheDueDateCountsFromTheEndOfThatDay() {
        Instant recordedAt = Instant.parse("2026-07-15T10:00:00Z");
        assertThat(RevalidationDue.of(recordedAt, LocalDate.parse("2026-06-30"), P90D))
                .isEqualTo(Instant.parse("2026-09-29T00:00:00Z"));
    }

    @Test
    void recordedBeforeThePeriodEndDayIsOverTheDueDateCountsFromTheRecording() {
        Instant recordedAt = Instant.parse("2026-06-30T08:30:00Z");
        assertThat(RevalidationDue.of(recordedAt, LocalDate.parse("2026-06-30"), P90D))
                .isEqualTo(Instant.parse("2026-09-28T08:30:00Z"));
    }

    @Test
    void aCorrelationFor2019RecordedTodayIsLongPastDue() {
        Instant now = Instant.parse("2026-12-02T19:00:00Z");
        Instant due = RevalidationDue.of(now, LocalDate.parse("2019-12-31"), P90D);
        assertThat(due).isEqualTo(Instant.parse("2020-03-31T00:00:00Z"));
        assertThat(RevalidationDue.hasPassed(due, now)).isTrue();
    }

    @Test
    void theDueInstantItselfHasPassed() {
        Instant due = Instant.parse("2026-09-29T00:00:00Z");
        assertThat(RevalidationDue.hasPassed(due, due)).isTrue();
        assertThat(RevalidationDue.hasPassed(due, due.minusNanos(1))).isFalse();
    }

    @Test
    void pointHypothesesKeepTheFirstRule() {
        Instant recordedAt = Instant.parse("2026-07-15T10:00:00Z");
        assertThat(RevalidationDue.point(recordedAt, P90D)).isEqualTo(Instant.parse("2026-10-13T10:00:00Z"));
    }

    @Test
    void theMetricIsDueAtTheLatestDueDate() {
        assertThat(RevalidationDue.latest(List.of(Instant.parse("2026-09-29T00:00:00Z"),
                Instant.parse("2026-10-13T10:00:00Z"), Instant.parse("2026-08-01T00:00:00Z"))))
                .contains(Instant.parse("2026-10-13T10:00:00Z"));
        assertThat(RevalidationDue.latest(List.of())).isEmpty();
    }

    @Test
    void theEndOfADayIsTheNextMidnightUtc() {
        assertThat(RevalidationDue.endOfDay(LocalDate.parse("2026-12-31"))).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void refusesMissingArguments() {
        assertThatThrownBy(() -> RevalidationDue.of(null, LocalDate.parse("2026-06-30"), P90D))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RevalidationDue.point(Instant.EPOCH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
