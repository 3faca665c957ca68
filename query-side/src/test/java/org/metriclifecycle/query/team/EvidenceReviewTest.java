package org.metriclifecycle.query.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckOpened;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.events.evidence.FisherEstimate;
import org.metriclifecycle.events.evidence.Pool;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewFold;

/** The review's new rules: PENDING, REFUTED, false-positive rate, and p/q-values for SUPPORTED INTERVAL hypotheses. */
class EvidenceReviewTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(60));
    private final ReviewRules rules = new ReviewRules(Duration.ofDays(90));

    static MetricView metric(String id, MetricEvent... more) {
        MetricView view = MetricViewFold.apply(null, new MetricProposed(id, "m " + id, null, "search", "ada", "1.0",
                null, null, T0, T0.plus(Duration.ofDays(42))));
        for (MetricEvent e : more) {
            view = MetricViewFold.apply(view, e);
        }
        return view;
    }

    static HypothesisLinked interval(String metricId, double min) {
        return new HypothesisLinked(metricId, "h1", "errors", "tracks errors", Direction.POSITIVE, min, 100,
                DecisionRule.INTERVAL, 0.95);
    }

    /** A supported INTERVAL correlation as the write side records it, pooled alone. */
    static CorrelationRecorded supported(String metricId, double r, int n) {
        return supported(metricId, r, n, 0.95);
    }

    static CorrelationRecorded supported(String metricId, double r, int n, double confidence) {
        FisherEstimate e = FisherEstimate.of(CorrelationMethod.PEARSON, r, n).orElseThrow();
        Pool pool = Pool.of(List.of(e), confidence).orElseThrow();
        return new CorrelationRecorded(metricId, "c1", "h1", r, n, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20),
                CorrelationMethod.PEARSON, null, "1.0", Verdict.SUPPORTED, NOW.minus(Duration.ofDays(5)),
                NOW.plus(Duration.ofDays(60)), CorrelationInterval.of(e.interval(confidence)), null,
                HypothesisStatus.SUPPORTED, PooledEvidence.of(pool), null,
                LocalDate.of(2026, 2, 20).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minus(Duration.ofDays(90)));
    }

    @Test
    void aMetricProposedAMinuteAgoIsPendingNotARemoveCandidate() {
        ReviewEntry entry = rules.review(metric("m"), T0.plusSeconds(60));
        assertThat(entry.verdict()).isEqualTo(ReviewVerdict.PENDING);
        assertThat(entry.why()).isEqualTo("Inside its link window: 41 days left (until 2026-02-12) to earn a"
                + " supported hypothesis.");
    }

    @Test
    void aValidatedMetricInsideItsWindowIsJudgedOnItsEvidence() {
        ReviewEntry entry = rules.review(metric("m", interval("m", 0.5), supported("m", 0.8, 1000)),
                T0.plus(Duration.ofDays(10)));
        assertThat(entry.verdict()).isEqualTo(ReviewVerdict.KEEP);
    }

    @Test
    void theTeamsSupportedIntervalHypothesesGetPAndQValuesAndAWeakOneIsNamed() {
        // Strong: r = 0.8 over 1000 against 0.5. Weak: r = 0.6 over 600 against 0.52, just supported.
        MetricView strong = metric("a", interval("a", 0.5), supported("a", 0.8, 1000));
        MetricView weak = metric("b", interval("b", 0.52), supported("b", 0.6, 600));
        List<ReviewEntry> entries = rules.review(List.of(strong, weak), NOW);

        ReviewHypothesis a = entries.get(0).hypotheses().get(0);
        ReviewHypothesis b = entries.get(1).hypotheses().get(0);
        // p = 1 - Phi((atanh(r) - atanh(min)) * sqrt(n - 3))
        assertThat(b.pValue()).isCloseTo(1 - phi((atanh(0.6) - atanh(0.52)) * Math.sqrt(597)), within(1e-9));
        assertThat(a.pValue()).isLessThan(1e-12);
        // BH over m = 2: q_(1) = 2 p_(1), q_(2) = p_(2)
        assertThat(a.qValue()).isCloseTo(2 * a.pValue(), within(1e-15));
        assertThat(b.qValue()).isCloseTo(b.pValue(), within(1e-12));
        assertThat(entries.get(0).why()).doesNotContain("false discovery");
        assertThat(entries.get(1).why()).doesNotContain("false discovery");
    }

    @Test
    void aQValueAboveFivePercentIsNamedAsAPossibleFalseDiscovery() {
        // At confidence 0.95 a supported pool has p <= 0.025, and so (BH never exceeds the largest p) q <= 0.025. A
        // hypothesis stated at confidence 0.8 can be supported with p up to 0.1: r = 0.56 over 300 against 0.5 has
        // its low bound at 0.507 and p = 0.075.
        MetricView lax = metric("a", new HypothesisLinked("a", "h1", "errors", "tracks errors", Direction.POSITIVE,
                0.5, 100, DecisionRule.INTERVAL, 0.8), supported("a", 0.56, 300, 0.8));
        assertThat(lax.hypotheses().get(0).status()).isEqualTo(HypothesisStatus.SUPPORTED);
        MetricView strong = metric("b", interval("b", 0.5), supported("b", 0.8, 1000));
        List<ReviewEntry> entries = rules.review(List.of(lax, strong), NOW);
        ReviewHypothesis h = entries.get(0).hypotheses().get(0);
        assertThat(h.pValue()).isCloseTo(1 - phi((atanh(0.56) - atanh(0.5)) * Math.sqrt(297)), within(1e-9));
        assertThat(h.qValue()).isCloseTo(h.pValue(), within(1e-12)).isGreaterThan(0.05);
        assertThat(entries.get(0).why()).contains("Hypothesis h1 (errors) may be a false discovery: p = 0.075"
                + " against its bar, q = 0.075 > 0.05 across the team's 2 supported hypotheses.");
        assertThat(entries.get(1).why()).doesNotContain("false discovery");
    }

    @Test
    void aHighFalsePositiveRateOverThreeConcludedChecksMakesARemoveCandidate() {
        MetricView view = metric("m", interval("m", 0.5), supported("m", 0.8, 1000),
                new ShadowCheckOpened("m", "s1", "c", 0.1, "h1", T0, T0.plusSeconds(3600)),
                new ShadowCheckOpened("m", "s2", "c", 0.1, "h1", T0, T0.plusSeconds(3600)),
                new ShadowCheckOpened("m", "s3", "c", 0.1, "h1", T0, T0.plusSeconds(3600)),
                new ShadowCheckConcluded("m", "s1", -0.1, null, null, ShadowCheckResult.DIVERGED, T0),
                new ShadowCheckConcluded("m", "s2", -0.1, null, null, ShadowCheckResult.DIVERGED, T0),
                new ShadowCheckConcluded("m", "s3", 0.1, null, null, ShadowCheckResult.CONFIRMED, T0));
        ReviewEntry entry = rules.review(view, NOW);
        assertThat(entry.verdict()).isEqualTo(ReviewVerdict.REMOVE_CANDIDATE);
        assertThat(entry.why()).isEqualTo("Its improvements were false positives 2 times out of 3 concluded shadow"
                + " checks (false-positive rate 0.667, above 0.5).");
        assertThat(entry.trackRecord().falsePositiveRate()).isCloseTo(2.0 / 3, within(1e-12));

        MetricView twoChecks = metric("n", interval("n", 0.5), supported("n", 0.8, 1000),
                new ShadowCheckOpened("n", "s1", "c", 0.1, "h1", T0, T0.plusSeconds(3600)),
                new ShadowCheckConcluded("n", "s1", -0.1, null, null, ShadowCheckResult.DIVERGED, T0));
        assertThat(rules.review(twoChecks, NOW).verdict()).isEqualTo(ReviewVerdict.KEEP);
    }

    @Test
    void theDocumentsCarryIntervalPoolMethodPeriodAndTrackRecord() {
        TeamReview review = new TeamReview("search", NOW, Duration.ofDays(90),
                rules.review(List.of(metric("a", interval("a", 0.5), supported("a", 0.8, 1000))), NOW));
        String md = ReviewMarkdown.render(review);
        assertThat(md).contains("decision rule INTERVAL at confidence 0.95; about ")
                .contains("  - Pooled evidence: r = 0.8 (0.777 to 0.821), n = 1000 over 1 correlation, Q = 0, I^2 = 0,"
                        + " one-sided p = ")
                .contains("2026-02-01 to 2026-02-20, PEARSON, SUPPORTED, interval 0.777 to 0.821, counted")
                .contains("- Track record: 0 open, 0 confirmed, 0 diverged, 0 expired");
        String csv = ReviewCsv.render(review);
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        List<String> row = fields(lines[1]);
        assertThat(row.get(header.indexOf("latestMethod"))).isEqualTo("PEARSON");
        assertThat(row.get(header.indexOf("latestPeriodEnd"))).isEqualTo("2026-02-20");
        assertThat(Double.parseDouble(row.get(header.indexOf("pooledLow")))).isCloseTo(0.777, within(0.001));
        assertThat(Double.parseDouble(row.get(header.indexOf("latestIntervalHigh")))).isCloseTo(0.821,
                within(0.001));
        assertThat(row.get(header.indexOf("decisionRule"))).isEqualTo("INTERVAL");
        assertThat(row.get(header.indexOf("shadowOpen"))).isEqualTo("0");
        assertThat(row.get(header.indexOf("pValue"))).isNotEmpty();
    }

    /** One RFC 4180 record's fields (quoted fields may hold commas and doubled quotes). */
    static List<String> fields(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    static double phi(double x) {
        return org.metriclifecycle.events.evidence.StandardNormal.cdf(x);
    }
}
