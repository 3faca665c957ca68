package org.metriclifecycle.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The span every instant and date the service accepts lies in (SPEC: between 1970 and 9999, both years included).
 * Anything inside it can be written as four-digit-year ISO-8601 text, in a calendar feed and on a page; a schedule
 * whose next step would fall after it simply has no further step.
 */
public final class TimeBounds {

    public static final Instant FIRST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private TimeBounds() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }
}
