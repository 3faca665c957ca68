package org.metriclifecycle.events.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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
        Arguments.notNull(correlations, "correlations");
        requirePositive(revalidationInterval);
        Predicate<RecordedCorrelation> eligible = c -> !c.superseded() && c.definitionMajor() == currentMajor
                && c.hasInterval();
        correlations.forEach(c -> Arguments.notNull(c, "correlation"));
        Optional<LocalDate> latest = correlations.stream()
                .filter(eligible)
                .map(RecordedCorrelation::periodEnd)
                .max(LocalDate::compareTo);
        if (latest.isEmpty()) {
            return List.of();
        }
        Instant oldestCounted = startOf(latest.get()).minus(revalidationInterval);
        return correlations.stream()
                .filter(eligible)
                .filter(c -> !startOf(c.periodEnd()).isBefore(oldestCounted))
                .toList();
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
