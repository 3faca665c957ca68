package org.metriclifecycle.events;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How far apart a rotation's handoffs are: a fixed duration, or a number of calendar months added in UTC (a
 * monthly rotation started on the 31st hands off on the last day of shorter months). Written as ISO-8601 text:
 * {@code PT8H}, {@code PT168H}, {@code P1M}. Which periods a team may choose is the write side's rule; this type
 * only knows how to count them.
 */
public final class RotationPeriod {

    /** The calendar periods SPEC names besides plain durations; weeks are fixed days, months are not. */
    private static final Map<String, Integer> MONTHS = Map.of("P1M", 1, "P3M", 3);
    private static final Map<String, Duration> WEEKS = Map.of("P1W", Duration.ofDays(7), "P2W", Duration.ofDays(14));

    private final Duration fixed;
    private final int months;

    private RotationPeriod(Duration fixed, int months) {
        this.fixed = fixed;
        this.months = months;
    }

    public static RotationPeriod of(Duration fixed) {
        return new RotationPeriod(Objects.requireNonNull(fixed, "fixed"), 0);
    }

    public static RotationPeriod ofMonths(int months) {
        if (months <= 0) {
            throw new IllegalArgumentException("months must be positive");
        }
        return new RotationPeriod(null, months);
    }

    /**
     * An ISO-8601 duration ({@code PT1H}, {@code P14D}) or one of {@code P1W}, {@code P2W}, {@code P1M},
     * {@code P3M}.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    @JsonCreator
    public static RotationPeriod parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a period is required");
        }
        String iso = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (MONTHS.containsKey(iso)) {
            return ofMonths(MONTHS.get(iso));
        }
        if (WEEKS.containsKey(iso)) {
            return of(WEEKS.get(iso));
        }
        try {
            return of(Duration.parse(iso));
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("must be an ISO-8601 duration such as PT8H or P14D, or P1W, P2W, P1M, "
                    + "P3M");
        }
    }

    public boolean isCalendar() {
        return fixed == null;
    }

    /** The fixed length; for calendar months, the shortest such span (28 days a month) for bounds checks. */
    public Duration approximateLength() {
        return fixed != null ? fixed : Duration.ofDays(28L * months);
    }

    /** Handoff {@code k}'s instant: {@code startsAt + k * period}, months counted from {@code startsAt} in UTC. */
    public Instant handoffAt(Instant startsAt, long handoff) {
        if (fixed != null) {
            return startsAt.plus(fixed.multipliedBy(handoff));
        }
        return ZonedDateTime.ofInstant(startsAt, ZoneOffset.UTC).plusMonths(Math.multiplyExact(handoff, months))
                .toInstant();
    }

    /** The first handoff at or after {@code now}. */
    public long nextHandoff(Instant startsAt, Instant now) {
        if (!now.isAfter(startsAt)) {
            return 0;
        }
        long last = lastHandoff(startsAt, now);
        return handoffAt(startsAt, last).equals(now) ? last : last + 1;
    }

    /** The last handoff at or before {@code now}, or -1 before the first. */
    public long lastHandoff(Instant startsAt, Instant now) {
        if (now.isBefore(startsAt)) {
            return -1;
        }
        if (fixed != null) {
            // Nanoseconds overflow after 292 years; milliseconds are what the rule has always counted in.
            return Duration.between(startsAt, now).toMillis() / Math.max(1, fixed.toMillis());
        }
        ZonedDateTime start = ZonedDateTime.ofInstant(startsAt, ZoneOffset.UTC);
        long k = ChronoUnit.MONTHS.between(start, ZonedDateTime.ofInstant(now, ZoneOffset.UTC)) / months;
        // plusMonths clamps to the month's last day, so the estimate can be one ahead or one behind.
        while (k > 0 && handoffAt(startsAt, k).isAfter(now)) {
            k--;
        }
        while (!handoffAt(startsAt, k + 1).isAfter(now)) {
            k++;
        }
        return k;
    }

    @JsonValue
    @Override
    public String toString() {
        return fixed != null ? fixed.toString() : "P" + months + "M";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RotationPeriod that && Objects.equals(fixed, that.fixed) && months == that.months;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fixed, months);
    }
}
