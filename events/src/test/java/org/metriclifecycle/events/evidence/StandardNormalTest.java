package org.metriclifecycle.events.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void quantileMatchesKnownValues() {
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(StandardNormal.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-14));
        assertThat(StandardNormal.quantile(0.95)).isCloseTo(1.6448536269514722, within(1e-14));
        assertThat(StandardNormal.quantile(0.5)).isZero();
        assertThat(StandardNormal.quantile(0.025)).isCloseTo(-1.959963984540054, within(1e-14));
        assertThat(StandardNormal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StandardNormal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void twoSidedCriticalValueIsTheQuantileOfOnePlusCOverTwo() {
        assertThat(StandardNormal.twoSidedCritical(0.95)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(StandardNormal.twoSidedCritical(0.99)).isCloseTo(2.5758293035489004, within(1e-14));
        assertThat(StandardNormal.twoSidedCritical(0.9)).isCloseTo(1.6448536269514722, within(1e-14));
    }

    @Test
    void cdfMatchesKnownValues() {
        assertThat(StandardNormal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
        assertThat(StandardNormal.cdf(0)).isEqualTo(0.5);
        assertThat(StandardNormal.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-15));
        assertThat(StandardNormal.upperTail(1.96)).isCloseTo(0.024997895148220435, within(1e-15));
        assertThat(StandardNormal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(StandardNormal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(StandardNormal.cdf(Double.NaN)).isNaN();
    }

    /** Python's AS241 quantile and its correctly rounded erfc, to 1e-12 relative (absolute near 0). */
    @Test
    void agreesWithTheIndependentReference() {
        List<ReferenceTable.Row> rows = ReferenceTable.read("normal.csv");
        assertThat(rows).hasSizeGreaterThan(60);
        for (ReferenceTable.Row row : rows) {
            double x = row.number("argument");
            double expected = row.number("value");
            double actual = switch (row.text("function")) {
                case "quantile" -> StandardNormal.quantile(x);
                case "cdf" -> StandardNormal.cdf(x);
                case "upperTail" -> StandardNormal.upperTail(x);
                default -> throw new IllegalStateException(row.toString());
            };
            double tolerance = Math.max(1e-12 * Math.abs(expected), 1e-300);
            assertThat(actual).as(row.toString()).isCloseTo(expected, within(tolerance));
        }
    }

    @Test
    void quantileInvertsTheCdf() {
        for (double p = 1e-6; p < 1; p += 0.0137) {
            assertThat(StandardNormal.cdf(StandardNormal.quantile(p))).as("p = " + p).isCloseTo(p, within(1e-15));
        }
    }

    @Test
    void quantileIsDefinedDownToTheSmallestDouble() {
        double x = StandardNormal.quantile(Double.MIN_VALUE);
        assertThat(x).isBetween(-38.5, -38.4);
        assertThat(StandardNormal.quantile(1e-300)).isCloseTo(-37.0470962993612, within(1e-11));
    }

    @Test
    void refusesProbabilitiesAndConfidencesOutOfRange() {
        assertThatThrownBy(() -> StandardNormal.quantile(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardNormal.quantile(1.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardNormal.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        for (double c : new double[] {0.5, 1, 0.2, Double.NaN}) {
            assertThatThrownBy(() -> StandardNormal.twoSidedCritical(c)).as("c = " + c)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
