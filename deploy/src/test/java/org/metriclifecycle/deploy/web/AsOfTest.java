package org.metriclifecycle.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.api.InvalidRequestException;

class AsOfTest {

    @Test
    void aDateMeansTheEndOfThatDayInUtc() {
        AsOf asOf = AsOf.parse("2026-01-31");
        assertThat(asOf.instant()).isEqualTo(Instant.parse("2026-01-31T23:59:59.999999999Z"));
        assertThat(asOf.day()).isEqualTo(LocalDate.parse("2026-01-31"));
    }

    @Test
    void anInstantIsTakenAsItIs() {
        AsOf asOf = AsOf.parse("2026-01-31T08:15:00.123Z");
        assertThat(asOf.instant()).isEqualTo(Instant.parse("2026-01-31T08:15:00.123Z"));
        assertThat(asOf.day()).isEqualTo(LocalDate.parse("2026-01-31"));
    }

    @Test
    void nothingMeansNowAndAnythingElseIsRefused() {
        assertThat(AsOf.parse(null)).isNull();
        assertThat(AsOf.parse(" ")).isNull();
        assertThatThrownBy(() -> AsOf.parse("yesterday")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> AsOf.parse("2026-02-30")).isInstanceOf(InvalidRequestException.class);
    }
}
