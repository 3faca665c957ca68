package org.metriclifecycle.events.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;

class VerdictRulesTest {

    private static final SupportCriteria BAR_070 = new SupportCriteria(Direction.POSITIVE, 0.70, 100);

    @Test
    void theProductExamples() {
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.72, 120, BAR_070, 0.95))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.81, 1200, BAR_070, 0.95))
                .isEqualTo(Verdict.SUPPORTED);
        // The first rule said SUPPORTED for the first one: that is what the interval rule corrects.
        assertThat(PointRule.verdict(0.72, 120, BAR_070)).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void aTinySampleIsInconclusiveWhateverItsCoefficient() {
        SupportCriteria lowBar = new SupportCriteria(Direction.POSITIVE, 0.01, 3);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.02, 3, lowBar, 0.95))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.99, 3, lowBar, 0.95))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(PointRule.verdict(0.02, 3, lowBar)).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void aHugeSampleOfTheWrongSignIsRefuted() {
        SupportCriteria criteria = new SupportCriteria(Direction.POSITIVE, 0.3, 500);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, -0.10, 100_000, criteria, 0.95))
                .isEqualTo(Verdict.REFUTED);
    }

    @Test
    void belowMinSampleSizeIsInconclusiveEvenWithANarrowInterval() {
        SupportCriteria criteria = new SupportCriteria(Direction.POSITIVE, 0.3, 5000);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.9, 4999, criteria, 0.95))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.9, 5000, criteria, 0.95))
                .isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void aNegativeHypothesisReadsTheIntervalTurned() {
        SupportCriteria negative = new SupportCriteria(Direction.NEGATIVE, 0.5, 30);
        Interval interval = new Interval(-0.8, -0.6, 0.95);
        assertThat(interval.oriented(Direction.NEGATIVE)).isEqualTo(new Interval(0.6, 0.8, 0.95));
        assertThat(IntervalRule.verdict(Optional.of(interval), 100, negative)).isEqualTo(Verdict.SUPPORTED);
        assertThat(IntervalRule.verdict(Optional.of(new Interval(-0.45, 0.1, 0.95)), 100, negative))
                .isEqualTo(Verdict.REFUTED);
        assertThat(IntervalRule.verdict(Optional.of(new Interval(-0.6, -0.4, 0.95)), 100, negative))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(IntervalRule.verdict(CorrelationMethod.KENDALL, -0.6, 400, negative, 0.95))
                .isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void theBoundsAreInclusiveAtTheLowEndAndStrictAtTheHighEnd() {
        SupportCriteria criteria = new SupportCriteria(Direction.POSITIVE, 0.5, 10);
        assertThat(IntervalRule.verdict(Optional.of(new Interval(0.5, 0.7, 0.95)), 10, criteria))
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(IntervalRule.verdict(Optional.of(new Interval(0.3, 0.5, 0.95)), 10, criteria))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(IntervalRule.verdict(Optional.of(new Interval(0.3, 0.4999, 0.95)), 10, criteria))
                .isEqualTo(Verdict.REFUTED);
        assertThat(IntervalRule.verdict(Optional.empty(), 10, criteria)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aHigherConfidenceWidensTheIntervalAndCanTurnAVerdictInconclusive() {
        SupportCriteria criteria = new SupportCriteria(Direction.POSITIVE, 0.5, 10);
        // z = atanh(0.6) = 0.693, atanh(0.5) = 0.549: SE 0.0735 clears the bar at 90% (1.645 SE) but not at 99%.
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.6, 188, criteria, 0.9))
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(IntervalRule.verdict(CorrelationMethod.PEARSON, 0.6, 188, criteria, 0.99))
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void thePointRuleIsTheFirstRuleUnchanged() {
        SupportCriteria positive = new SupportCriteria(Direction.POSITIVE, 0.5, 10);
        assertThat(PointRule.verdict(0.5, 10, positive)).isEqualTo(Verdict.SUPPORTED);
        assertThat(PointRule.verdict(0.49, 10, positive)).isEqualTo(Verdict.REFUTED);
        assertThat(PointRule.verdict(-0.9, 10, positive)).isEqualTo(Verdict.REFUTED);
        assertThat(PointRule.verdict(0.9, 9, positive)).isEqualTo(Verdict.INCONCLUSIVE);
        SupportCriteria negative = new SupportCriteria(Direction.NEGATIVE, 0.5, 10);
        assertThat(PointRule.verdict(-0.5, 10, negative)).isEqualTo(Verdict.SUPPORTED);
        assertThat(PointRule.verdict(0.9, 10, negative)).isEqualTo(Verdict.REFUTED);
        assertThat(PointRule.verdict(0.0, 10, new SupportCriteria(Direction.POSITIVE, 0.0, 1)))
                .isEqualTo(Verdict.REFUTED);
    }

    @Test
    void theDecisionRuleDispatches() {
        assertThat(DecisionRule.INTERVAL.verdict(CorrelationMethod.PEARSON, 0.72, 120, BAR_070, 0.95))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(DecisionRule.POINT.verdict(CorrelationMethod.PEARSON, 0.72, 120, BAR_070, 0.95))
                .isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void refusesInvalidCriteria() {
        assertThatThrownBy(() -> IntervalRule.verdict(CorrelationMethod.PEARSON, 0.5, 100,
                new SupportCriteria(null, 0.5, 10), 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntervalRule.verdict(CorrelationMethod.PEARSON, 0.5, 100,
                new SupportCriteria(Direction.POSITIVE, 1.5, 10), 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntervalRule.verdict(CorrelationMethod.PEARSON, 0.5, 100, BAR_070, 0.4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(0.5, 0.4, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }
}
