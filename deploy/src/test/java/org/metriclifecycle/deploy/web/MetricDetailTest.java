package org.metriclifecycle.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.query.metric.HypothesisView;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.ShadowCheckView;
import org.metriclifecycle.query.metric.TrackRecord;

/** What the detail page writes of the evidence: pooled estimate, intervals, shadow checks and the track record. */
class MetricDetailTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final PooledEvidence POOLED = new PooledEvidence(0.8123, 0.7901, 0.8289, 1700, 2, 0.4321, 0.0,
            1.13, 0.024);

    private static HypothesisView hypothesis(DecisionRule rule, PooledEvidence pooled) {
        return new HypothesisView("h1", "user-reported errors", "claim", Direction.POSITIVE, 0.7, 100,
                HypothesisStatus.SUPPORTED, null, pooled, rule, 0.95, 75);
    }

    private static CorrelationRecorded correlation(CorrelationInterval interval) {
        return new CorrelationRecorded("m1", "c1", "h1", 0.81, 1200, LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-02-28"), CorrelationMethod.PEARSON, "nightly", "1.0", Verdict.SUPPORTED,
                NOW.minusSeconds(60), NOW.plus(Duration.ofDays(90)), interval, null, HypothesisStatus.SUPPORTED, POOLED,
                null, Instant.parse("2025-11-30T00:00:00Z"));
    }

    private static MetricDetail detail(MetricView metric, List<CorrelationRecorded> correlations,
                                       List<ShadowCheckView> checks) {
        return MetricDetail.of(metric, null, List.of(), correlations, checks, NOW);
    }

    @Test
    void theCriteriaNameSamplesNeededAndThePoolIsWrittenBesideThem() {
        MetricView metric = BoardTest.metric("m1", "search", "lena", MetricStatus.VALIDATED)
                .withHypotheses(List.of(hypothesis(DecisionRule.INTERVAL, POOLED)));
        MetricDetail.Hypothesis shown = detail(metric, List.of(), List.of()).hypotheses().get(0);
        assertThat(shown.criteria()).contains("INTERVAL rule at 95% confidence").endsWith("samples needed: 75");
        assertThat(shown.pooled()).isEqualTo("r = 0.812 (0.79 to 0.829) over n = 1700 from 2 counted correlations;"
                + " heterogeneity Q = 0.432, I² = 0%");
        assertThat(shown.plot().pooled().label()).isEqualTo("pooled r = 0.812 (0.79 to 0.829)");

        MetricView point = metric.withHypotheses(List.of(hypothesis(DecisionRule.POINT, POOLED)));
        assertThat(detail(point, List.of(), List.of()).hypotheses().get(0).pooled())
                .endsWith("(shown only: the POINT rule judges by the latest conclusive correlation)");
        MetricView nothingCounted = metric.withHypotheses(List.of(hypothesis(DecisionRule.INTERVAL, null)));
        assertThat(detail(nothingCounted, List.of(), List.of()).hypotheses().get(0).pooled()).isEmpty();
    }

    @Test
    void theCorrelationTableShowsEachInterval() {
        MetricView metric = BoardTest.metric("m1", "search", "lena", MetricStatus.VALIDATED)
                .withHypotheses(List.of(hypothesis(DecisionRule.INTERVAL, POOLED)));
        List<MetricDetail.CorrelationRow> rows = detail(metric,
                List.of(correlation(new CorrelationInterval(0.7903, 0.8287)), correlation(null)), List.of())
                .hypotheses().get(0).correlations();
        assertThat(rows).extracting(MetricDetail.CorrelationRow::interval).containsExactly("0.79 to 0.829", "");
    }

    @Test
    void shadowChecksAreListedWithSignedDeltasTheirHypothesisAndState() {
        MetricView metric = BoardTest.metric("m1", "search", "lena", MetricStatus.VALIDATED)
                .withHypotheses(List.of(hypothesis(DecisionRule.INTERVAL, POOLED)))
                .withTrackRecord(TrackRecord.of(1, 1, 1, 0, NOW.minusSeconds(3600)));
        MetricDetail detail = detail(metric, List.of(), List.of(
                new ShadowCheckView("s1", "prompt v2", 0.04, "h1", NOW.plusSeconds(60), "OPEN", null, null),
                new ShadowCheckView("s2", "retriever v3", -0.0005, "h1", NOW, "DIVERGED", ShadowCheckResult.DIVERGED,
                        0.0),
                new ShadowCheckView("s3", "reranker", 0.1, "h1", NOW, "CONFIRMED", ShadowCheckResult.CONFIRMED, 2.5)));
        assertThat(detail.shadowChecks()).extracting(MetricDetail.ShadowCheckRow::evalDelta)
                .containsExactly("+0.04", "-0.0005", "+0.1");
        assertThat(detail.shadowChecks()).extracting(MetricDetail.ShadowCheckRow::outcomeDelta)
                .containsExactly("", "0", "+2.5");
        assertThat(detail.shadowChecks()).extracting(MetricDetail.ShadowCheckRow::hypothesis)
                .containsOnly("user-reported errors");
        assertThat(detail.shadowChecks()).extracting(MetricDetail.ShadowCheckRow::stateClass)
                .containsExactly("open", "diverged", "confirmed");
        assertThat(detail.trackRecord()).isEqualTo("1 confirmed, 1 diverged, 1 open, 0 expired shadow checks;"
                + " false-positive rate 0.5; last confirmed 2026-03-01 11:00 UTC");
    }
}
