package org.metriclifecycle.events.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;

/** samplesNeeded and the review's Benjamini-Hochberg q-values. */
class PlanningAndReviewTest {

    @Test
    void samplesNeededWorkedExample() {
        // q = 1.95996, atanh(0.8) - atanh(0.7) = 0.23131: (1.95996 / 0.23131)^2 = 71.80 -> 72 + 3 = 75.
        assertThat(SamplesNeeded.of(0.7, 0.95)).hasValue(75);
        // And indeed r = 0.8 over 75 samples clears a bar of 0.7, over 74 it does not.
        SupportCriteria bar = new SupportCriteria(Direction.POSITIVE, 0.7, 0);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.8, 75, bar, 0.95)).isEqualTo(Verdict.SUPPORTED);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.8, 74, bar, 0.95))
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void samplesNeededCapsThePlannedCorrelationAt099AndHasNoneFrom099On() {
        // 0.95 plans for r = 0.99: (2.5758 / (2.6467 - 1.8318))^2 = 9.99 -> 10 + 3.
        assertThat(SamplesNeeded.of(0.95, 0.99)).hasValue(13);
        assertThat(SamplesNeeded.of(0.99, 0.95)).isEmpty();
        assertThat(SamplesNeeded.of(1.0, 0.95)).isEmpty();
    }

    @Test
    void samplesNeededMatchesTheIndependentTable() {
        List<ReferenceTable.Row> rows = ReferenceTable.read("samples_needed.csv");
        assertThat(rows).hasSizeGreaterThan(30);
        for (ReferenceTable.Row row : rows) {
            OptionalInt actual = SamplesNeeded.of(row.number("minCorrelation"), row.number("confidence"));
            if (row.isEmpty("samplesNeeded")) {
                assertThat(actual).as(row.toString()).isEmpty();
            } else {
                assertThat(actual).as(row.toString()).hasValue(row.integer("samplesNeeded"));
            }
        }
    }

    @Test
    void samplesNeededRefusesInvalidArguments() {
        assertThatThrownBy(() -> SamplesNeeded.of(-0.1, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplesNeeded.of(0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void benjaminiHochbergHandExample() {
        // Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m p / rank = 0.02, 0.02, 0.04, 0.04.
        assertThat(BenjaminiHochberg.qValues(List.of(0.01, 0.04, 0.03, 0.005)))
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-15 ? 0 : Double.compare(a, b))
                .containsExactly(0.02, 0.04, 0.04, 0.02);
        // The step-up: rank 1's 3 * 0.02 = 0.06 is lowered to rank 2's 3 * 0.021 / 2 = 0.0315.
        assertThat(BenjaminiHochberg.qValues(List.of(0.5, 0.02, 0.021)))
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-15 ? 0 : Double.compare(a, b))
                .containsExactly(0.5, 0.0315, 0.0315);
        // Capped at 1; ties share a q-value; one test is its own q.
        assertThat(BenjaminiHochberg.qValues(List.of(0.9, 0.9, 0.9))).containsExactly(0.9, 0.9, 0.9);
        assertThat(BenjaminiHochberg.qValues(List.of(0.7, 1.0))).allSatisfy(q -> assertThat(q).isLessThanOrEqualTo(1));
        assertThat(BenjaminiHochberg.qValues(List.of(0.03))).containsExactly(0.03);
        assertThat(BenjaminiHochberg.qValues(List.of())).isEmpty();
    }

    @Test
    void benjaminiHochbergNamesAPossibleFalseDiscovery() {
        // Five supported hypotheses of a team: the review flags q > 0.05.
        List<Double> q = BenjaminiHochberg.qValues(List.of(0.001, 0.012, 0.03, 0.04, 0.2));
        assertThat(q.stream().map(v -> v > 0.05).toList()).containsExactly(false, false, false, false, true);
        assertThat(q.get(2)).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void benjaminiHochbergRefusesNonProbabilities() {
        assertThatThrownBy(() -> BenjaminiHochberg.qValues(List.of(0.1, 1.2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenjaminiHochberg.qValues(Arrays.asList(0.1, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenjaminiHochberg.qValues(List.of(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
