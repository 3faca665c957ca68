package org.metriclifecycle.events.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;

class CountedCorrelationsTest {

    private static final Duration P90D = Duration.ofDays(90);
    private static final LocalDate JUNE_30 = LocalDate.parse("2026-06-30");

    @Test
    void supersededOlderMajorAndIntervalLessCorrelationsDoNotCount() {
        List<RecordedCorrelation> all = List.of(
                correlation("kept", JUNE_30, 2, false),
                correlation("superseded", JUNE_30, 2, true),
                correlation("old major", JUNE_30, 1, false),
                new RecordedCorrelation("three samples", CorrelationMethod.PEARSON, 0.9, 3, JUNE_30, 2, false),
                new RecordedCorrelation("four Kendall", CorrelationMethod.KENDALL, 0.9, 4, JUNE_30, 2, false));
        assertThat(CountedCorrelations.select(all, 2, P90D)).extracting(RecordedCorrelation::correlationId)
                .containsExactly("kept");
    }

    @Test
    void evidenceMoreThanOneIntervalBeforeTheLatestPeriodEndAgesOut() {
        List<RecordedCorrelation> all = List.of(
                correlation("exactly 90 days before", JUNE_30.minusDays(90), 2, false),
                correlation("91 days before", JUNE_30.minusDays(91), 2, false),
                correlation("latest", JUNE_30, 2, false),
                correlation("a month before", JUNE_30.minusDays(30), 2, false));
        assertThat(CountedCorrelations.select(all, 2, P90D)).extracting(RecordedCorrelation::correlationId)
                .containsExactly("exactly 90 days before", "latest", "a month before");
    }

    @Test
    void theLatestPeriodEndIsTakenAmongTheEligibleOnly() {
        // A superseded or old-major correlation for a later period does not push the window forward.
        List<RecordedCorrelation> all = List.of(
                correlation("counted", JUNE_30.minusDays(100), 2, false),
                correlation("superseded later", JUNE_30, 2, true),
                correlation("old major later", JUNE_30, 1, false),
                new RecordedCorrelation("tiny later", CorrelationMethod.PEARSON, 0.5, 3, JUNE_30, 2, false));
        assertThat(CountedCorrelations.select(all, 2, P90D)).extracting(RecordedCorrelation::correlationId)
                .containsExactly("counted");
    }

    @Test
    void theWindowIsNamedByItsStartAndCountsWhatTheRuleSelects() {
        List<RecordedCorrelation> all = List.of(correlation("old", JUNE_30.minusDays(91), 2, false),
                correlation("latest", JUNE_30, 2, false), correlation("edge", JUNE_30.minusDays(90), 2, false));
        java.time.Instant since = CountedCorrelations.since(all, 2, P90D).orElseThrow();
        assertThat(since).isEqualTo(java.time.Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(all.stream().filter(c -> CountedCorrelations.counts(c, 2, since)))
                .extracting(RecordedCorrelation::correlationId).containsExactly("latest", "edge");
        assertThat(CountedCorrelations.counts(all.get(1), 2, null)).isFalse();
        assertThat(CountedCorrelations.since(List.of(correlation("superseded", JUNE_30, 2, true)), 2, P90D))
                .isEmpty();
    }

    @Test
    void theFirstDayInAWindowIsTheFirstWhoseStartIsNotBeforeIt() {
        assertThat(CountedCorrelations.firstDayIn(java.time.Instant.parse("2026-04-01T00:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(CountedCorrelations.firstDayIn(java.time.Instant.parse("2026-06-29T23:59:30Z")))
                .isEqualTo(JUNE_30);
    }

    @Test
    void aWindowOfSecondsCountsOnlyTheLatestDay() {
        List<RecordedCorrelation> all = List.of(correlation("yesterday", JUNE_30.minusDays(1), 2, false),
                correlation("today", JUNE_30, 2, false), correlation("today too", JUNE_30, 2, false));
        assertThat(CountedCorrelations.select(all, 2, Duration.ofSeconds(30)))
                .extracting(RecordedCorrelation::correlationId).containsExactly("today", "today too");
    }

    @Test
    void nothingCountedPoolsToNothing() {
        assertThat(CountedCorrelations.select(List.of(), 1, P90D)).isEmpty();
        assertThat(CountedCorrelations.pool(List.of(correlation("old", JUNE_30, 1, false)), 2, P90D, 0.95)).isEmpty();
    }

    @Test
    void thePoolOfTheCountedIsThePoolOfTheirEstimates() {
        List<RecordedCorrelation> all = List.of(correlation("a", JUNE_30, 2, false),
                correlation("b", JUNE_30.minusDays(10), 2, false), correlation("c", JUNE_30, 2, true));
        Pool pool = CountedCorrelations.pool(all, 2, P90D, 0.95).orElseThrow();
        assertThat(pool.correlations()).isEqualTo(2);
        assertThat(pool.sampleSize()).isEqualTo(400);
        assertThat(pool).isEqualTo(Pool.of(List.of(all.get(0).estimate().orElseThrow(),
                all.get(1).estimate().orElseThrow()), 0.95).orElseThrow());
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThatThrownBy(() -> CountedCorrelations.select(List.of(), 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountedCorrelations.select(List.of(), 1, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RecordedCorrelation correlation(String id, LocalDate periodEnd, long major, boolean superseded) {
        return new RecordedCorrelation(id, CorrelationMethod.PEARSON, 0.6, 200, periodEnd, major, superseded);
    }
}
