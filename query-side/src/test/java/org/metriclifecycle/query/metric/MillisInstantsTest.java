package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The views' instants print exactly as {@link ViewJson#INSTANT_FORMAT} prints them, whichever path prints them. */
class MillisInstantsTest {

    private static void samePrint(Instant instant) {
        assertThat(MillisInstants.format(instant)).as("%s", instant).isEqualTo(ViewJson.INSTANT_FORMAT.format(instant));
    }

    @Test
    void edgesOfTheDaysYearsAndTheFastRangePrintAsTheFormatterPrintsThem() {
        for (Instant instant : new Instant[]{Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.ofEpochMilli(1),
                Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2000-02-29T12:00:00Z"),
                Instant.parse("2026-12-07T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0000-01-01T00:00:00Z").minusNanos(1), Instant.parse("0999-06-30T01:02:03.004Z"),
                Instant.MIN, Instant.MAX}) {
            samePrint(instant);
        }
    }

    @Test
    void randomInstantsFromYearZeroToPastTenThousandPrintAsTheFormatterPrintsThem() {
        Random random = new Random(20261207);
        long from = LocalDate.of(-5, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long to = LocalDate.of(10_005, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 200_000; i++) {
            long seconds = from + (long) (random.nextDouble() * (to - from));
            int nanos = switch (i % 3) {
                case 0 -> random.nextInt(1_000) * 1_000_000;
                case 1 -> random.nextInt(1_000_000_000);
                default -> 0;
            };
            samePrint(Instant.ofEpochSecond(seconds, nanos));
        }
    }
}
