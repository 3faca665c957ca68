package org.metriclifecycle.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.Verdict;

class EvidencePlotTest {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    private static final double TOP = EvidencePlot.TOP;
    private static final double BOTTOM = EvidencePlot.HEIGHT - EvidencePlot.BOTTOM;

    @Test
    void theCoefficientAxisRunsFromPlusOneAtTheTopToMinusOneAtTheBottom() {
        assertThat(EvidencePlot.y(1)).isEqualTo(TOP);
        assertThat(EvidencePlot.y(-1)).isEqualTo(BOTTOM);
        assertThat(EvidencePlot.y(0)).isCloseTo((TOP + BOTTOM) / 2, within(1e-9));
        assertThat(EvidencePlot.y(0.5)).isLessThan(EvidencePlot.y(0.4));
        // Out-of-range values cannot leave the frame.
        assertThat(EvidencePlot.y(1.5)).isEqualTo(TOP);
        assertThat(EvidencePlot.y(-7)).isEqualTo(BOTTOM);
    }

    @Test
    void pointsSpreadOverTimeInOrderOfRecording() {
        EvidencePlot plot = EvidencePlot.of("errors", Direction.POSITIVE, 0.7, List.of(
                sample(T0.plusSeconds(86_400 * 20), 0.8, Verdict.SUPPORTED),
                sample(T0, 0.2, Verdict.REFUTED),
                sample(T0.plusSeconds(86_400 * 10), 0.5, Verdict.INCONCLUSIVE)));

        List<Double> xs = plot.points().stream().map(p -> Double.parseDouble(p.x())).toList();
        assertThat(xs).isSorted();
        double left = EvidencePlot.LEFT + EvidencePlot.INSET;
        double right = EvidencePlot.WIDTH - EvidencePlot.RIGHT - EvidencePlot.INSET;
        assertThat(xs.get(0)).isCloseTo(left, within(0.05));
        assertThat(xs.get(2)).isCloseTo(right, within(0.05));
        assertThat(xs.get(1)).isCloseTo((left + right) / 2, within(0.05));
        assertThat(plot.points()).extracting(EvidencePlot.Point::verdict)
                .containsExactly("refuted", "inconclusive", "supported");
        assertThat(plot.line().split(" ")).hasSize(3);
        assertThat(plot.xTicks()).extracting(EvidencePlot.Tick::label).containsExactly("2026-01-10", "2026-01-30");
    }

    @Test
    void aSingleCorrelationSitsInTheMiddle() {
        EvidencePlot plot = EvidencePlot.of("errors", Direction.POSITIVE, 0.7,
                List.of(sample(T0, 0.9, Verdict.SUPPORTED)));
        double left = EvidencePlot.LEFT + EvidencePlot.INSET;
        double right = EvidencePlot.WIDTH - EvidencePlot.RIGHT - EvidencePlot.INSET;
        assertThat(Double.parseDouble(plot.points().get(0).x())).isCloseTo((left + right) / 2, within(0.05));
        assertThat(plot.xTicks()).hasSize(1);
    }

    @Test
    void aPositiveHypothesisDrawsItsThresholdAtPlusMinCorrelationAndShadesAbove() {
        EvidencePlot plot = EvidencePlot.of("errors", Direction.POSITIVE, 0.7, List.of());
        double line = Double.parseDouble(plot.threshold().y());
        assertThat(line).isCloseTo(EvidencePlot.y(0.7), within(0.05));
        assertThat(Double.parseDouble(plot.threshold().regionY())).isEqualTo(TOP);
        assertThat(Double.parseDouble(plot.threshold().regionHeight())).isCloseTo(line - TOP, within(0.1));
        assertThat(plot.threshold().label()).isEqualTo("r ≥ 0.7");
        assertThat(plot.points()).isEmpty();
        assertThat(plot.description()).startsWith("No correlation recorded yet");
    }

    @Test
    void aNegativeHypothesisDrawsItsThresholdAtMinusMinCorrelationAndShadesBelow() {
        EvidencePlot plot = EvidencePlot.of("errors", Direction.NEGATIVE, 0.6, List.of());
        double line = Double.parseDouble(plot.threshold().y());
        assertThat(line).isCloseTo(EvidencePlot.y(-0.6), within(0.05));
        assertThat(Double.parseDouble(plot.threshold().regionY())).isEqualTo(line);
        assertThat(line + Double.parseDouble(plot.threshold().regionHeight())).isCloseTo(BOTTOM, within(0.1));
        assertThat(plot.threshold().label()).isEqualTo("r ≤ -0.6");
    }

    @Test
    void verdictsDifferInShapeAndEveryPointSaysWhatItIs() {
        EvidencePlot plot = EvidencePlot.of("errors", Direction.NEGATIVE, 0.7, List.of(
                sample(T0, -0.75, Verdict.SUPPORTED),
                sample(T0.plusSeconds(60), -0.2, Verdict.REFUTED),
                sample(T0.plusSeconds(120), -0.9, Verdict.INCONCLUSIVE)));
        assertThat(plot.points()).extracting(EvidencePlot.Point::shape)
                .containsExactly("circle", "square", "triangle");
        assertThat(plot.points().get(0).title()).isEqualTo("2026-01-10: r = -0.75, n = 800, SUPPORTED, no interval (PEARSON)");
        assertThat(plot.points()).allSatisfy(point -> assertThat(point.path()).startsWith("M").endsWith("Z"));
        assertThat(plot.description()).contains("3 correlations").contains("r ≤ -0.7").contains("latest r = -0.9");
        assertThat(plot.title()).isEqualTo("Correlation history: errors");
    }

    private static EvidencePlot.Sample sample(Instant at, double r, Verdict verdict) {
        return new EvidencePlot.Sample(at, r, 800, verdict, "PEARSON");
    }

    @Test
    void intervalsAreErrorBarsAndThePoolIsADashedLineWithItsBand() {
        EvidencePlot plot = EvidencePlot.of("errors", Direction.POSITIVE, 0.7, List.of(
                new EvidencePlot.Sample(java.time.Instant.parse("2026-01-10T00:00:00Z"), 0.81, 1200, Verdict.SUPPORTED,
                        "PEARSON", 0.790, 0.829),
                new EvidencePlot.Sample(java.time.Instant.parse("2026-01-11T00:00:00Z"), 0.5, 3, Verdict.INCONCLUSIVE,
                        "PEARSON", null, null)), 0.81, 0.790, 0.829);
        EvidencePlot.Point first = plot.points().get(0);
        assertThat(first.hasBar()).isTrue();
        assertThat(first.barTop()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", EvidencePlot.y(0.829)));
        assertThat(first.barBottom()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", EvidencePlot.y(0.790)));
        assertThat(first.title()).contains("interval 0.79 to 0.829");
        assertThat(plot.points().get(1).hasBar()).isFalse();
        assertThat(plot.points().get(1).title()).contains("no interval");
        assertThat(plot.pooled().label()).isEqualTo("pooled r = 0.81 (0.79 to 0.829)");
        assertThat(plot.pooled().y()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", EvidencePlot.y(0.81)));
        assertThat(plot.description()).endsWith("The counted correlations pool to r = 0.81 (0.79 to 0.829).");
        assertThat(EvidencePlot.of("errors", Direction.POSITIVE, 0.7, List.of()).pooled()).isNull();
    }
}
