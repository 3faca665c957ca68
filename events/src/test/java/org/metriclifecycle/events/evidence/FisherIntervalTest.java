package org.metriclifecycle.events.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;

/** (r, n, method, confidence) -> (low, high), against intervals.csv from reference_values.py. */
class FisherIntervalTest {

    @Test
    void intervalsMatchTheIndependentTableTo1e6() {
        List<ReferenceTable.Row> rows = ReferenceTable.read("intervals.csv");
        assertThat(rows).hasSizeGreaterThan(200);
        int withInterval = 0;
        for (ReferenceTable.Row row : rows) {
            CorrelationMethod method = CorrelationMethod.valueOf(row.text("method"));
            double r = row.number("r");
            int n = row.integer("n");
            double confidence = row.number("confidence");
            assertThat(PearsonScale.pearsonEquivalent(method, r)).as(row.toString())
                    .isCloseTo(row.number("rho"), within(1e-12));
            Optional<FisherEstimate> estimate = FisherEstimate.of(method, r, n);
            if (row.isEmpty("low")) {
                assertThat(estimate).as(row.toString()).isEmpty();
                assertThat(PearsonScale.hasInterval(method, n)).isFalse();
                continue;
            }
            withInterval++;
            assertThat(estimate).as(row.toString()).isPresent();
            assertThat(estimate.get().z()).as("z of " + row).isCloseTo(row.number("z"), within(1e-9));
            // The reference evaluates g as SPEC writes it; within 1e-3 of |r| = 1 its 1 - rho^2 cancels to a few
            // digits (the Java side rewrites it without the cancellation), so there Var(z) agrees to 1e-4 only.
            double varianceTolerance = method != CorrelationMethod.PEARSON && Math.abs(r) > 0.999 ? 1e-4 : 1e-9;
            assertThat(estimate.get().variance()).as("Var(z) of " + row)
                    .isCloseTo(row.number("variance"), within(varianceTolerance * row.number("variance")));
            Interval interval = estimate.get().interval(confidence);
            assertThat(interval.low()).as("low of " + row).isCloseTo(row.number("low"), within(1e-6));
            assertThat(interval.high()).as("high of " + row).isCloseTo(row.number("high"), within(1e-6));
            assertThat(interval.confidence()).isEqualTo(confidence);
        }
        assertThat(withInterval).isGreaterThan(190);
    }

    @Test
    void theProductExampleOf081Over1200HasTheInterval0790To0829() {
        Interval interval = FisherEstimate.of(CorrelationMethod.PEARSON, 0.81, 1200).orElseThrow().interval(0.95);
        assertThat(interval.low()).isCloseTo(0.790, within(0.0005));
        assertThat(interval.high()).isCloseTo(0.829, within(0.0005));
    }

    @Test
    void theProductExampleOf072Over120StraddlesTheBarOf070() {
        Interval interval = FisherEstimate.of(CorrelationMethod.PEARSON, 0.72, 120).orElseThrow().interval(0.95);
        assertThat(interval.low()).isCloseTo(0.6209, within(0.0001));
        assertThat(interval.high()).isCloseTo(0.7965, within(0.0001));
        assertThat(interval.straddles(0.70)).isTrue();
    }

    @Test
    void noIntervalAtThreeSamplesOrFourForKendall() {
        assertThat(FisherEstimate.of(CorrelationMethod.PEARSON, 0.5, 3)).isEmpty();
        assertThat(FisherEstimate.of(CorrelationMethod.SPEARMAN, 0.5, 3)).isEmpty();
        assertThat(FisherEstimate.of(CorrelationMethod.KENDALL, 0.5, 4)).isEmpty();
        assertThat(FisherEstimate.of(CorrelationMethod.PEARSON, 0.5, 4)).isPresent();
        assertThat(FisherEstimate.of(CorrelationMethod.KENDALL, 0.5, 5)).isPresent();
        assertThatThrownBy(() -> PearsonScale.varianceOfZ(CorrelationMethod.KENDALL, 0.5, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5");
    }

    @Test
    void perfectCorrelationsAreClampedToAFiniteZ() {
        for (CorrelationMethod method : CorrelationMethod.values()) {
            FisherEstimate plus = FisherEstimate.of(method, 1.0, 50).orElseThrow();
            FisherEstimate minus = FisherEstimate.of(method, -1.0, 50).orElseThrow();
            assertThat(plus.z()).as(method.name()).isCloseTo(PearsonScale.atanh(0.999999), within(1e-12));
            assertThat(minus.z()).isCloseTo(-plus.z(), within(1e-12));
            assertThat(plus.variance()).isFinite().isPositive();
        }
    }

    @Test
    void atZeroTheRankVariancesAreFiellersFactorTimesTheSquaredSlopeOfRho() {
        // At r = 0, g is the slope of rho(r): pi/3 for SPEARMAN, pi/2 for KENDALL.
        assertThat(PearsonScale.varianceOfZ(CorrelationMethod.PEARSON, 0, 103)).isEqualTo(0.01);
        assertThat(PearsonScale.varianceOfZ(CorrelationMethod.SPEARMAN, 0, 103))
                .isCloseTo(1.06 * Math.PI * Math.PI / 9 / 100, within(1e-15));
        assertThat(PearsonScale.varianceOfZ(CorrelationMethod.KENDALL, 0, 104))
                .isCloseTo(0.437 * Math.PI * Math.PI / 4 / 100, within(1e-15));
    }

    @Test
    void nearPlusOrMinusOneTheRankVariancesFollowTheirLimit() {
        // As |r| -> 1 both g tend to 1 (SPEARMAN: the slopes of rho and of the clamp cancel) and 2 (KENDALL).
        double spearman = PearsonScale.varianceOfZ(CorrelationMethod.SPEARMAN, -1.0, 103);
        assertThat(spearman).isCloseTo(1.06 / 100, within(1e-7));
        double kendall = PearsonScale.varianceOfZ(CorrelationMethod.KENDALL, 1.0, 104);
        assertThat(kendall).isCloseTo(0.437 * 4 / 100, within(1e-7));
    }

    @Test
    void refusesCoefficientsAndConfidencesOutOfRange() {
        assertThatThrownBy(() -> FisherEstimate.of(CorrelationMethod.PEARSON, 1.01, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FisherEstimate.of(CorrelationMethod.PEARSON, Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FisherEstimate.of(CorrelationMethod.PEARSON, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FisherEstimate.of(null, 0.5, 10)).isInstanceOf(IllegalArgumentException.class);
        FisherEstimate estimate = FisherEstimate.of(CorrelationMethod.PEARSON, 0.5, 10).orElseThrow();
        assertThatThrownBy(() -> estimate.interval(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> estimate.interval(1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
