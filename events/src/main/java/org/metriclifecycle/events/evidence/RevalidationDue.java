package org.metriclifecycle.events.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;

/**
 * When a supporting correlation stops speaking for its metric. Evidence ages with the period it measured, not with
 * the day it was posted: due = min(recordedAt, end of periodEnd's UTC day) + the revalidation interval, the end of
 * a day being the first instant of the next (midnight UTC). POINT hypotheses keep the first rule, recordedAt + the
 * interval, so a replay changes no stored date.
 */
public final class RevalidationDue {

    private RevalidationDue() {
    }

    /** The due date of a correlation of an INTERVAL hypothesis. */
    public static Instant of(Instant recordedAt, LocalDate periodEnd, Duration revalidationInterval) {
        Arguments.notNull(recordedAt, "recordedAt");
        Arguments.notNull(periodEnd, "periodEnd");
        CountedCorrelations.requirePositive(revalidationInterval);
        Instant endOfPeriod = endOfDay(periodEnd);
        Instant start = recordedAt.isBefore(endOfPeriod) ? recordedAt : endOfPeriod;
        return start.plus(revalidationInterval);
    }

    /** The due date of a supporting correlation of a POINT hypothesis: recordedAt + the interval. */
    public static Instant point(Instant recordedAt, Duration revalidationInterval) {
        Arguments.notNull(recordedAt, "recordedAt");
        CountedCorrelations.requirePositive(revalidationInterval);
        return recordedAt.plus(revalidationInterval);
    }

    /** The end of a UTC day: midnight at the start of the next one. */
    public static Instant endOfDay(LocalDate day) {
        Arguments.notNull(day, "day");
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Whether a due date has passed at {@code now}: at the due instant itself the evidence has lapsed (that is when
     * the deprioritization fires), so a correlation posted then is already too old.
     */
    public static boolean hasPassed(Instant due, Instant now) {
        Arguments.notNull(due, "due");
        Arguments.notNull(now, "now");
        return !now.isBefore(due);
    }

    /** A metric's revalidationDue: the latest of the due dates of its supported hypotheses' counted correlations. */
    public static Optional<Instant> latest(Collection<Instant> dueDates) {
        Arguments.notNull(dueDates, "dueDates");
        dueDates.forEach(d -> Arguments.notNull(d, "due date"));
        return dueDates.stream().max(Instant::compareTo);
    }
}
