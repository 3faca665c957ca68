package org.metriclifecycle.events.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which of a hypothesis's correlations count towards its pooled status. A correlation counts when it is not
 * superseded, was measured against the metric's current major definition version, has an interval, and its
 * {@code periodEnd} lies within one revalidation interval before the latest {@code periodEnd} among the
 * correlations that meet the other three conditions (inclusive: exactly one interval before still counts). Older
 * evidence thus ages out as newer evidence arrives, not as the calendar moves.
 */
public final class CountedCorrelations {

    private CountedCorrelations() {
    }

    /** The counted correlations, in the order given. */
    public static List<RecordedCorrelation> select(Collection<RecordedCorrelation> correlations, long currentMajor,
                                                   Duration revalidationInterval) {
        Optional<Instant> since = since(correlations, currentMajor, revalidationInterval);
        if (since.isEmpty()) {
            return List.of();
        }
        return correlations.stream().filter(c -> counts(c, currentMajor, since.get())).toList();
    }

    /**
     * The counting window's start: one revalidation interval before the start of the latest {@code periodEnd} among
     * the eligible correlations; empty when none is eligible (then nothing counts).
     */
    public static Optional<Instant> since(Collection<RecordedCorrelation> correlations, long currentMajor,
                                         Duration revalidationInterval) {
        Arguments.notNull(correlations, "correlations");
        requirePositive(revalidationInterval);
        correlations.forEach(c -> Arguments.notNull(c, "correlation"));
        return correlations.stream()
                .filter(c -> isEligible(c, currentMajor))
                .map(RecordedCorrelation::periodEnd)
                .max(LocalDate::compareTo)
                .map(latest -> windowFrom(latest, revalidationInterval));
    }

    /** The window's start when {@code latestPeriodEnd} is the latest eligible one. */
    public static Instant windowFrom(LocalDate latestPeriodEnd, Duration revalidationInterval) {
        requirePositive(revalidationInterval);
        return startOf(latestPeriodEnd).minus(revalidationInterval);
    }

    /** Whether a correlation counts in the window starting at {@code since} (a null window counts nothing). */
    public static boolean counts(RecordedCorrelation correlation, long currentMajor, Instant since) {
        return since != null && isEligible(correlation, currentMajor) && isInWindow(correlation.periodEnd(), since);
    }

    /** Not superseded, measured against the current major version, with an interval: the window aside. */
    public static boolean isEligible(RecordedCorrelation correlation, long currentMajor) {
        return !correlation.superseded() && correlation.definitionMajor() == currentMajor
                && correlation.hasInterval();
    }

    public static boolean isInWindow(LocalDate periodEnd, Instant since) {
        return !startOf(periodEnd).isBefore(since);
    }

    /** The first day whose period ends in the window from {@code since}: a period ending on it or later counts. */
    public static LocalDate firstDayIn(Instant since) {
        LocalDate day = LocalDate.ofInstant(since, ZoneOffset.UTC);
        return startOf(day).isBefore(since) ? day.plusDays(1) : day;
    }

    /** The pool of the counted correlations at the hypothesis's confidence; empty when none counts. */
    public static Optional<Pool> pool(Collection<RecordedCorrelation> correlations, long currentMajor,
                                      Duration revalidationInterval, double confidence) {
        List<FisherEstimate> estimates = select(correlations, currentMajor, revalidationInterval).stream()
                .map(c -> c.estimate().orElseThrow())
                .toList();
        return Pool.of(estimates, confidence);
    }

    static void requirePositive(Duration interval) {
        Arguments.notNull(interval, "revalidationInterval");
        Arguments.require(!interval.isNegative() && !interval.isZero(),
                "revalidationInterval must be positive, was " + interval);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
