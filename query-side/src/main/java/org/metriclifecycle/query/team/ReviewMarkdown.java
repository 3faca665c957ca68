package org.metriclifecycle.query.team;

import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.query.metric.TrackRecord;

import java.time.Instant;
import java.util.regex.Pattern;

import org.metriclifecycle.query.metric.BlindSpotView;
import org.metriclifecycle.query.metric.CorrelationView;
import org.metriclifecycle.query.metric.ViewJson;

/**
 * The review as a Markdown document to take into the review meeting: a heading, a summary line, one table row per
 * metric with its verdict and why, then each metric's hypotheses, criteria, latest evidence and blind spots.
 * <p>
 * Every piece of text a user wrote is escaped (Markdown punctuation, angle brackets, table pipes) and kept on one
 * line, so it can neither break the table nor smuggle in links or HTML when the document is rendered.
 */
public final class ReviewMarkdown {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\R");
    private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("([\\\\`*_\\[\\]<>|#])");

    private ReviewMarkdown() {
    }

    public static String render(TeamReview review) {
        StringBuilder md = new StringBuilder();
        md.append("# Metric review: ").append(text(review.team())).append("\n\n");
        md.append(summary(review)).append("\n\n");
        if (!review.metrics().isEmpty()) {
            md.append("| Metric | Owner | Status | Version | Verdict | Why |\n");
            md.append("| --- | --- | --- | --- | --- | --- |\n");
            for (ReviewEntry entry : review.metrics()) {
                md.append("| ").append(text(entry.name())).append(" (").append(text(entry.metricId())).append(")")
                        .append(" | ").append(text(entry.owner()))
                        .append(" | ").append(entry.status())
                        .append(" | ").append(text(entry.version()))
                        .append(" | ").append(entry.verdict())
                        .append(" | ").append(text(entry.why()))
                        .append(" |\n");
            }
        }
        for (ReviewEntry entry : review.metrics()) {
            md.append('\n');
            metric(md, entry);
        }
        return md.toString();
    }

    private static String summary(TeamReview review) {
        long pending = count(review, ReviewVerdict.PENDING);
        long keep = count(review, ReviewVerdict.KEEP);
        long revalidate = count(review, ReviewVerdict.REVALIDATE);
        long remove = count(review, ReviewVerdict.REMOVE_CANDIDATE);
        return "Generated " + ViewJson.INSTANT_FORMAT.format(review.generatedAt()) + " for "
                + review.metrics().size() + (review.metrics().size() == 1 ? " active metric" : " active metrics")
                + " (revalidation interval " + ReviewFormat.span(review.revalidationInterval()) + "): "
                + pending + " PENDING, " + keep + " KEEP, "
                + revalidate + " REVALIDATE, " + remove + " REMOVE_CANDIDATE.";
    }

    private static long count(TeamReview review, ReviewVerdict verdict) {
        return review.metrics().stream().filter(e -> e.verdict() == verdict).count();
    }

    private static void metric(StringBuilder md, ReviewEntry entry) {
        md.append("## ").append(text(entry.name())).append(" (").append(text(entry.metricId())).append(")\n\n");
        md.append("- Verdict: **").append(entry.verdict()).append("**: ").append(text(entry.why())).append('\n');
        md.append("- Owner: ").append(text(entry.owner())).append('\n');
        md.append("- Status: ").append(entry.status()).append('\n');
        md.append("- Version: ").append(text(entry.version())).append(", evidence from version ")
                .append(entry.evidenceVersion() == null ? "none" : text(entry.evidenceVersion())).append('\n');
        md.append("- Revalidation due: ").append(date(entry.revalidationDue())).append('\n');
        md.append("- Track record: ").append(trackRecord(entry.trackRecord())).append("\n\n");

        md.append("### Hypotheses\n\n");
        if (entry.hypotheses().isEmpty()) {
            md.append("None linked.\n");
        }
        for (ReviewHypothesis hypothesis : entry.hypotheses()) {
            md.append("- **").append(text(hypothesis.outcome())).append("** (").append(text(hypothesis.hypothesisId()))
                    .append("), ").append(hypothesis.status()).append(": ").append(text(hypothesis.statement()))
                    .append('\n');
            md.append("  - Criteria: ").append(hypothesis.direction()).append(" correlation, |r| >= ")
                    .append(number(hypothesis.minCorrelation())).append(" over at least ")
                    .append(hypothesis.minSampleSize()).append(" samples; decision rule ")
                    .append(hypothesis.decisionRule()).append(" at confidence ").append(number(hypothesis.confidence()))
                    .append(hypothesis.samplesNeeded() == null ? "" : "; about " + hypothesis.samplesNeeded()
                            + " samples needed to clear the bar")
                    .append('\n');
            md.append("  - Pooled evidence: ").append(pooled(hypothesis)).append('\n');
            md.append("  - Latest evidence: ").append(evidence(hypothesis.latestEvidence())).append('\n');
        }
        md.append("\n### Blind spots\n\n");
        if (entry.blindSpots().isEmpty()) {
            md.append("None recorded.\n");
        }
        for (BlindSpotView blindSpot : entry.blindSpots()) {
            md.append("- **").append(text(blindSpot.failureMode())).append("** (").append(text(blindSpot.blindSpotId()))
                    .append(", recorded ").append(date(blindSpot.recordedAt()));
            if (blindSpot.incidentRef() != null) {
                md.append(", incident ").append(text(blindSpot.incidentRef()));
            }
            md.append("): ").append(text(blindSpot.description())).append('\n');
        }
    }

    private static String pooled(ReviewHypothesis hypothesis) {
        PooledEvidence p = hypothesis.pooled();
        if (p == null) {
            return "none counted";
        }
        return "r = " + ReviewFormat.stat(p.estimate()) + " (" + ReviewFormat.stat(p.low()) + " to "
                + ReviewFormat.stat(p.high()) + "), n = " + p.sampleSize() + " over " + p.correlations()
                + (p.correlations() == 1 ? " correlation" : " correlations") + ", Q = " + ReviewFormat.stat(p.q())
                + ", I^2 = " + ReviewFormat.stat(p.iSquared())
                + (hypothesis.pValue() == null ? "" : ", one-sided p = " + ReviewFormat.stat(hypothesis.pValue())
                + ", q = " + ReviewFormat.stat(hypothesis.qValue()));
    }

    static String trackRecord(TrackRecord t) {
        return t.open() + " open, " + t.confirmed() + " confirmed, " + t.diverged() + " diverged, " + t.expired()
                + " expired; false-positive rate " + (t.falsePositiveRate() == null ? "none yet"
                : ReviewFormat.stat(t.falsePositiveRate())) + "; last confirmed "
                + (t.lastConfirmedAt() == null ? "never" : ReviewFormat.date(t.lastConfirmedAt()));
    }

    private static String evidence(CorrelationView correlation) {
        if (correlation == null) {
            return "none yet";
        }
        return "r = " + number(correlation.coefficient()) + ", n = " + correlation.sampleSize()
                + ", " + correlation.periodStart() + " to " + correlation.periodEnd()
                + ", " + correlation.method() + ", " + correlation.verdict()
                + (correlation.interval() == null ? ", no interval" : ", interval "
                + ReviewFormat.stat(correlation.interval().low()) + " to "
                + ReviewFormat.stat(correlation.interval().high()))
                + (correlation.counted() ? ", counted" : ", not counted")
                + ", recorded " + date(correlation.recordedAt())
                + (correlation.definitionVersion() == null ? "" : " against version "
                + text(correlation.definitionVersion()))
                + (correlation.source() == null ? "" : " by " + text(correlation.source()));
    }

    private static String number(double value) {
        return ReviewFormat.number(value);
    }

    private static String date(Instant instant) {
        return instant == null ? "none" : ReviewFormat.date(instant);
    }

    /** User text on one line, with everything Markdown or HTML would interpret escaped. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String oneLine = LINE_BREAKS.matcher(value).replaceAll(" ");
        return MARKDOWN_PUNCTUATION.matcher(oneLine).replaceAll("\\\\$1");
    }
}
