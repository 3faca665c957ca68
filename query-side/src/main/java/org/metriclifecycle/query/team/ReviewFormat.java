package org.metriclifecycle.query.team;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the review spells dates, intervals and numbers, shared by the verdicts' sentences and the documents. */
final class ReviewFormat {

    /** Dates, not instants: a review is read by people planning weeks ahead. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ReviewFormat() {
    }

    /** The UTC date, or null for none. */
    static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }

    /** Whole days as "90 days": Duration.toString() counts hours ("PT2160H"), which nobody plans a quarter by. */
    static String span(Duration duration) {
        return duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0
                ? duration.toDays() + " days" : duration.toString();
    }

    /** Plain decimal notation: 0.0001 rather than Double's "1.0E-4", which spreadsheets and readers misread. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * A computed statistic (interval bound, pooled estimate, p- or q-value, rate) for a reader: three decimals, or two
     * significant digits in scientific notation when it is smaller than 0.001 (a p-value of 1e-40 is not "0").
     */
    static String stat(double value) {
        if (value != 0 && Math.abs(value) < 0.001) {
            return String.format(java.util.Locale.ROOT, "%.1e", value);
        }
        return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
