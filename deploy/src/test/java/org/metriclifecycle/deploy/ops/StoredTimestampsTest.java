package org.metriclifecycle.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** Time stamps read digit by digit are the instants Axon's own parser reads, and what it refuses stays refused. */
class StoredTimestampsTest {

    @Test
    void timeStampsAsAxonWritesThemReadAsAxonReadsThem() {
        Random random = new Random(12);
        long from = LocalDate.of(0, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long to = LocalDate.of(9999, 12, 31).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000) * 1_000_000L);
            String text = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text))
                    .isEqualTo(instant);
        }
    }

    @Test
    void otherShapesGoToAxonsParser() {
        for (String text : List.of("2026-12-07T15:02:44Z", "2026-12-07T15:02:44.123456Z", "2026-12-07T15:02:44.123+01:00",
                "2024-02-29T23:59:59.999Z", "1969-12-31T23:59:59.999Z")) {
            assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @Test
    void whatAxonRefusesIsRefused() {
        for (String text : List.of("2026-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-00-01T00:00:00.000Z",
                "2026-01-32T00:00:00.000Z", "2026-01-01T24:00:00.000Z", "2026-01-01T00:60:00.000Z",
                "2026-01-01T00:00:60.000Z", "2026-01-01T00:00:00.0x0Z", "20x6-01-01T00:00:00.000Z")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).as(text).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> StoredTimestamps.parse(text)).as(text).isInstanceOf(RuntimeException.class);
        }
    }
}
