package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.query.metric.BlindSpotView;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.HypothesisView;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.RevisionView;

/**
 * Everything the detail page shows of one metric, now or as of a past instant: the view, each hypothesis with its
 * criteria and evidence plot, the audit timeline up to that instant, revisions with their deltas, blind spots.
 *
 * @param asOf        the past instant shown, or null for now
 * @param laterEvents how many events of the timeline happened after {@code asOf} (not shown)
 */
public record MetricDetail(MetricView metric, Card card, AsOf asOf, List<Hypothesis> hypotheses,
                           List<TimelineEntry> timeline, int laterEvents, List<Revision> revisions) {

    /** A hypothesis with its criteria in words, its plot, and its correlations as a table (the plot's text twin). */
    public record Hypothesis(HypothesisView view, String criteria, EvidencePlot plot, List<CorrelationRow> correlations) {

        public String statusClass() {
            return view.status().name().toLowerCase(Locale.ROOT);
        }
    }

    /** One recorded correlation, as the table under the plot lists it. */
    public record CorrelationRow(Instant recordedAt, String coefficient, int sampleSize, String period, String method,
                                 String verdict, String source, String definitionVersion) {

        public String verdictClass() {
            return verdict.toLowerCase(Locale.ROOT);
        }
    }

    /** A revision with each delta written "subject: before → after (±change)". */
    public record Revision(RevisionView view, List<String> deltas) {
    }

    public static MetricDetail of(MetricView metric, AsOf asOf, List<HistoryEntry> history,
                                  List<CorrelationRecorded> correlations, Instant now) {
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
                    String.valueOf(c.method()), String.valueOf(c.verdict()), c.source() == null ? "" : c.source(),
                    c.definitionVersion() == null ? "" : c.definitionVersion())).toList();
            hypotheses.add(new Hypothesis(hypothesis, criteria(hypothesis),
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
        return new MetricDetail(metric, Card.of(metric, asOf == null ? now : asOf.instant()), asOf,
                List.copyOf(hypotheses), List.copyOf(timeline), later, revisions);
    }

    /** "r ≥ 0.7 over at least 500 samples" (NEGATIVE: "r ≤ -0.7 ..."). */
    /** The metric's shadow checks in one sentence: how often its improvements held, and when one last did. */
    public String trackRecord() {
        var t = metric.trackRecord();
        return t.confirmed() + " confirmed, " + t.diverged() + " diverged, " + t.open() + " open, " + t.expired()
                + " expired shadow checks"
                + (t.falsePositiveRate() == null ? "" : "; false-positive rate "
                + Display.number(Math.round(t.falsePositiveRate() * 1000) / 1000.0))
                + (t.lastConfirmedAt() == null ? "; never confirmed" : "; last confirmed "
                + Display.shown(t.lastConfirmedAt()));
    }

    static String criteria(HypothesisView hypothesis) {
        boolean negative = hypothesis.direction() == Direction.NEGATIVE;
        return (negative ? "r ≤ -" : "r ≥ ") + Display.number(hypothesis.minCorrelation()) + " (" + hypothesis.direction()
                + ") over at least " + hypothesis.minSampleSize() + " samples; " + hypothesis.decisionRule()
                + " rule at " + Display.number(hypothesis.confidence() * 100) + "% confidence"
                + (hypothesis.samplesNeeded() == null ? "" : "; samples needed: " + hypothesis.samplesNeeded());
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
