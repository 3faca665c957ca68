package org.metriclifecycle.command.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.Verdict;

class HypothesisCriteriaTest {

    private final HypothesisCriteria positive = new HypothesisCriteria(Direction.POSITIVE, 0.5, 30);
    private final HypothesisCriteria negative = new HypothesisCriteria(Direction.NEGATIVE, 0.5, 30);

    @Test
    void tooSmallASampleSpeaksNeitherWay() {
        assertThat(positive.judge(0.99, 29)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(positive.judge(-0.99, 29)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void thresholdsAreInclusive() {
        assertThat(positive.judge(0.5, 30)).isEqualTo(Verdict.SUPPORTED);
        assertThat(negative.judge(-0.5, 30)).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void theSignMustPointTheHypothesisedWay() {
        assertThat(positive.judge(-0.9, 100)).isEqualTo(Verdict.REFUTED);
        assertThat(negative.judge(0.9, 100)).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void noCorrelationRefutesEitherDirection() {
        assertThat(positive.judge(0.0, 100)).isEqualTo(Verdict.REFUTED);
        assertThat(negative.judge(-0.0, 100)).isEqualTo(Verdict.REFUTED);
    }

    @Test
    void tooWeakACorrelationRefutes() {
        assertThat(positive.judge(0.49, 100)).isEqualTo(Verdict.REFUTED);
    }
}
