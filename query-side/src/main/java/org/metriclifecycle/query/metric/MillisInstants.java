package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link ViewJson#INSTANT_FORMAT} for the instants views hold, without a formatter: every view written (each event's
 * in a rebuild's fold) prints its instants, and {@code DateTimeFormatter} was a tenth of that. Years 0000 to 9999
 * are printed here, digit by digit, exactly as the formatter prints them; any other instant by the formatter itself.
 */
final class MillisInstants {

    private static final long FIRST = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400 + 86_399;

    private MillisInstants() {
    }

    /** {@code uuuu-MM-ddTHH:mm:ss.SSSZ}, the fraction truncated to milliseconds as the formatter does. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return ViewJson.INSTANT_FORMAT.format(instant);
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        byte[] text = new byte[24];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
