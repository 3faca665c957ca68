package org.metriclifecycle.deploy.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.query.metric.BlindSpotView;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.HypothesisView;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.RevisionView;
import org.metriclifecycle.query.metric.ShadowCheckView;

/**
 * Everything the detail page shows of one metric, now or as of a past instant: the view, each hypothesis with its
 * criteria, pooled estimate and evidence plot, the shadow checks, the audit timeline up to that instant, revisions
 * with their deltas, blind spots.
 *
 * @param asOf        the past instant shown, or null for now
 * @param laterEvents how many events of the timeline happened after {@code asOf} (not shown)
 */
public record MetricDetail(MetricView metric, Card card, AsOf asOf, List<Hypothesis> hypotheses,
                           List<TimelineEntry> timeline, int laterEvents, List<Revision> revisions,
                           List<ShadowCheckRow> shadowChecks) {

    /**
     * A hypothesis with its criteria in words, its pooled estimate in words (empty when nothing is counted), its
     * plot, and its correlations as a table (the plot's text twin).
     */
    public record Hypothesis(HypothesisView view, String criteria, String pooled, EvidencePlot plot,
                             List<CorrelationRow> correlations) {

        public String statusClass() {
            return view.status().name().toLowerCase(Locale.ROOT);
        }
    }

    /** One recorded correlation, as the table under the plot lists it; {@code interval} empty when it has none. */
    public record CorrelationRow(Instant recordedAt, String coefficient, int sampleSize, String period, String method,
                                 String interval, String verdict, String source, String definitionVersion) {

        public String verdictClass() {
            return verdict.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One shadow check as the page lists it: the eval's delta and the outcome's signed, the hypothesis by its
     * outcome, and the state in lower case as a CSS class.
     */
    public record ShadowCheckRow(String checkId, String change, String evalDelta, String hypothesis,
                                 Instant observeUntil, String state, String outcomeDelta) {

        public String stateClass() {
            return state.toLowerCase(Locale.ROOT);
        }
    }

    /** A revision with each delta written "subject: before → after (±change)". */
    public record Revision(RevisionView view, List<String> deltas) {
    }

    public static MetricDetail of(MetricView metric, AsOf asOf, List<HistoryEntry> history,
                                  List<CorrelationRecorded> correlations, List<ShadowCheckView> shadowChecks,
                                  Instant now) {
        Map<String, String> labels = new HashMap<>();
        metric.hypotheses().forEach(h -> labels.put(h.hypothesisId(), h.outcome()));
        metric.blindSpots().forEach(b -> labels.put(b.blindSpotId(), b.failureMode()));

        List<Hypothesis> hypotheses = new ArrayList<>();
        for (HypothesisView hypothesis : metric.hypotheses()) {
            List<CorrelationRecorded> own = correlations.stream()
                    .filter(c -> c.hypothesisId().equals(hypothesis.hypothesisId())).toList();
            List<EvidencePlot.Sample> samples = own.stream().map(c -> new EvidencePlot.Sample(c.recordedAt(),
                    c.coefficient(), c.sampleSize(), c.verdict(), c.method() + ", " + c.periodStart() + " to "
                    + c.periodEnd() + ", definition " + c.definitionVersion(),
                    c.interval() == null ? null : c.interval().low(),
                    c.interval() == null ? null : c.interval().high())).toList();
            var pooled = hypothesis.pooled();
            List<CorrelationRow> rows = own.stream().map(c -> new CorrelationRow(c.recordedAt(),
                    Display.number(c.coefficient()), c.sampleSize(), c.periodStart() + " to " + c.periodEnd(),
                    String.valueOf(c.method()), c.interval() == null ? "" : Display.number(EvidencePlot.round(
                            c.interval().low())) + " to " + Display.number(EvidencePlot.round(c.interval().high())),
                    String.valueOf(c.verdict()), c.source() == null ? "" : c.source(),
                    c.definitionVersion() == null ? "" : c.definitionVersion())).toList();
            hypotheses.add(new Hypothesis(hypothesis, criteria(hypothesis), pooled(pooled, hypothesis.decisionRule()),
                    EvidencePlot.of(hypothesis.outcome(), hypothesis.direction(), hypothesis.minCorrelation(), samples,
                            pooled == null ? null : pooled.estimate(), pooled == null ? null : pooled.low(),
                            pooled == null ? null : pooled.high()),
                    rows));
        }

        List<TimelineEntry> timeline = new ArrayList<>();
        int later = 0;
        for (HistoryEntry entry : history) {
            if (asOf != null && entry.occurredAt().isAfter(asOf.instant())) {
                later++;
            } else {
                timeline.add(TimelineEntry.of(entry, labels));
            }
        }

        List<Revision> revisions = metric.revisions().stream()
                .map(r -> new Revision(r, r.deltas().stream().map(MetricDetail::delta).toList())).toList();
        List<ShadowCheckRow> checks = shadowChecks.stream().map(c -> new ShadowCheckRow(c.checkId(), c.change(),
                signed(c.evalDelta()), labels.getOrDefault(c.hypothesisId(), c.hypothesisId()), c.observeUntil(),
                c.state(), c.outcomeDelta() == null ? "" : signed(c.outcomeDelta()))).toList();
        return new MetricDetail(metric, Card.of(metric, asOf == null ? now : asOf.instant()), asOf,
                List.copyOf(hypotheses), List.copyOf(timeline), later, revisions, checks);
    }

    /** The metric's shadow checks in one sentence: how often its improvements held, and when one last did. */
    public String trackRecord() {
        return TrackRecordText.detail(metric.trackRecord());
    }

    /** "r ≥ 0.7 over at least 500 samples" (NEGATIVE: "r ≤ -0.7 ..."). */
    static String criteria(HypothesisView hypothesis) {
        boolean negative = hypothesis.direction() == Direction.NEGATIVE;
        return (negative ? "r ≤ -" : "r ≥ ") + Display.number(hypothesis.minCorrelation()) + " (" + hypothesis.direction()
                + ") over at least " + hypothesis.minSampleSize() + " samples; " + hypothesis.decisionRule()
                + " rule at " + Display.number(hypothesis.confidence() * 100) + "% confidence"
                + (hypothesis.samplesNeeded() == null ? "" : "; samples needed: " + hypothesis.samplesNeeded());
    }

    /**
     * "r = 0.81 (0.79 to 0.83) over n = 1700 from 2 counted correlations; heterogeneity Q = 0.4, I² = 0%", or empty
     * when nothing is counted.
     */
    static String pooled(PooledEvidence pooled, DecisionRule rule) {
        if (pooled == null) {
            return "";
        }
        String judged = rule == DecisionRule.POINT
                ? " (shown only: the POINT rule judges by the latest conclusive correlation)" : "";
        return "r = " + Display.number(EvidencePlot.round(pooled.estimate())) + " ("
                + Display.number(EvidencePlot.round(pooled.low())) + " to "
                + Display.number(EvidencePlot.round(pooled.high())) + ") over n = " + pooled.sampleSize() + " from "
                + pooled.correlations() + " counted correlation" + (pooled.correlations() == 1 ? "" : "s")
                + "; heterogeneity Q = " + Display.number(pooled.q()) + ", I² = "
                + Math.round(pooled.iSquared() * 100) + "%" + judged;
    }

    /** "+0.04", "-0.0005", "0": the sign says which way it moved, six significant digits say how far. */
    static String signed(double value) {
        String digits = BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return (value > 0 ? "+" : "") + digits;
    }

    static String delta(ScoreDelta delta) {
        String before = delta.before() == null ? "(none)" : Display.number(delta.before());
        String after = delta.after() == null ? "(none)" : Display.number(delta.after());
        String change = "";
        if (delta.before() != null && delta.after() != null) {
            double difference = delta.after() - delta.before();
            change = " (" + (difference >= 0 ? "+" : "") + Display.number(difference) + ")";
        }
        return delta.subject() + ": " + before + " → " + after + change;
    }

    public List<BlindSpotView> blindSpots() {
        return metric.blindSpots();
    }
}
