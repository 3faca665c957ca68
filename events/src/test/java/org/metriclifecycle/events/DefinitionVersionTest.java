package org.metriclifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefinitionVersionTest {

    private static DefinitionVersion v(String text) {
        return DefinitionVersion.parse(text);
    }

    @Test
    void ordersComponentByComponentNumerically() {
        List<String> shuffled = List.of("2.0", "1.10", "1.0.1", "10.0", "1.2", "1.0", "1.9.9");
        assertThat(shuffled.stream().map(DefinitionVersion::parse).sorted().map(DefinitionVersion::toString)
                           .collect(Collectors.toList()))
                .containsExactly("1.0", "1.0.1", "1.2", "1.9.9", "1.10", "2.0", "10.0");
    }

    @Test
    void missingComponentsCountAsZero() {
        assertThat(v("1.0")).isEqualTo(v("1")).isEqualTo(v("1.0.0")).hasSameHashCodeAs(v("1"));
        assertThat(v("1.0").compareTo(v("1"))).isZero();
        assertThat(v("1.0").isGreaterThan(v("1"))).isFalse();
        assertThat(v("1.0.1").isGreaterThan(v("1"))).isTrue();
        assertThat(v("0.9").compareTo(v("1"))).isNegative();
    }

    @Test
    void leadingZerosDoNotMatter() {
        assertThat(v("01.02")).isEqualTo(v("1.2"));
    }

    @Test
    void theMajorIsTheFirstComponent() {
        assertThat(v("2.1.3").major()).isEqualTo(2);
        assertThat(v("0.4").major()).isZero();
        assertThat(v("0").major()).isZero();
    }

    @Test
    void keepsTheTextAsWritten() {
        assertThat(v("1.0")).hasToString("1.0");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "v1", "1.", ".1", "1..2", "1.x", "1.0-beta", "1 .0", "9999999999999999999"})
    void rejectsWhatIsNotAVersion(String text) {
        assertThat(DefinitionVersion.isWellFormed(text)).isFalse();
        assertThatThrownBy(() -> DefinitionVersion.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewVersionHasAtMostThreePartsOfAtMostNineDigits() {
        assertThat(Stream.of("1", "1.2", "1.2.3", "999999999.999999999.999999999")
                .allMatch(DefinitionVersion::isAllowedForNewDefinitions)).isTrue();
        assertThat(Stream.of("1.2.3.4", "9".repeat(20), "1234567890.0", "1.0.1234567890", "", "v1", null)
                .noneMatch(DefinitionVersion::isAllowedForNewDefinitions)).isTrue();
    }

    @Test
    void acceptsManyComponents() {
        assertThat(Stream.of("1", "1.2", "1.2.3", "1.2.3.4").allMatch(DefinitionVersion::isWellFormed)).isTrue();
    }
}
