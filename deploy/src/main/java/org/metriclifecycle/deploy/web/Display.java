package org.metriclifecycle.deploy.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.metriclifecycle.events.RotationPeriod;

import io.quarkus.qute.TemplateExtension;

/**
 * How the page writes times and numbers: UTC like the API (a team spread over time zones reads one clock), minutes
 * for people and the exact instant in each {@code <time datetime>}. Also usable in templates as
 * {@code {instant.shown}} and {@code {instant.iso}}.
 */
@TemplateExtension
public final class Display {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Display() {
    }

    /** "2026-01-31 14:05 UTC", or an empty text for no instant. */
    public static String shown(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** The API's form, for {@code <time datetime>} and for scripts. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The UTC day, "2026-01-31". */
    public static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** A coefficient or threshold as people write it: "0.7", "-0.75". */
    public static String number(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Whole days from {@code now} to {@code due}, rounded up while ahead (due in 1 h is "1 day left"), so 0 means
     * the instant has passed.
     */
    public static long daysUntil(Instant now, Instant due) {
        Duration left = Duration.between(now, due);
        if (left.isNegative() || left.isZero()) {
            return -Duration.between(due, now).toDays();
        }
        long days = left.toDays();
        return left.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    /** An ISO duration as people say it: "14 days", "1 day", or the ISO text when it is not whole days. */
    public static String period(Duration period) {
        if (period == null) {
            return "";
        }
        long days = period.toDays();
        if (Duration.ofDays(days).equals(period)) {
            return days == 1 ? "1 day" : days + " days";
        }
        return period.toString();
    }

    /** A rotation's period: "14 days", "1 month", "3 months". */
    public static String period(RotationPeriod period) {
        if (period == null) {
            return "";
        }
        String text = period.toString();
        if (period.isCalendar()) {
            return "P1M".equals(text) ? "1 month" : text.substring(1, text.length() - 1) + " months";
        }
        return period(period.approximateLength());
    }
}
