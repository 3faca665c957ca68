package org.metriclifecycle.query.team;

import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.query.metric.TrackRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.metriclifecycle.query.metric.BlindSpotView;
import org.metriclifecycle.query.metric.CorrelationView;
import org.metriclifecycle.query.metric.ViewJson;

/**
 * The review as CSV for a spreadsheet: one row per metric and hypothesis (a metric without hypotheses still gets
 * one row, its hypothesis columns empty), metrics in order of proposal.
 * <p>
 * RFC 4180: CRLF after every record, the header included; a field containing a comma, a double quote, CR or LF is
 * enclosed in double quotes with its quotes doubled. Instants are ISO-8601 UTC, like the API's.
 * <p>
 * Formula injection: spreadsheets execute a cell that starts with {@code =}, {@code +}, {@code -} or {@code @}
 * (and some a leading tab or CR) as a formula, and every text column holds words users typed. Such a text cell is
 * written with a leading single quote ({@code '=cmd}), which spreadsheets show as text. Numeric columns
 * (minCorrelation, minSampleSize, latestCoefficient, latestSampleSize) are written as plain numbers and never
 * prefixed, so a negative coefficient stays a number.
 */
public final class ReviewCsv {

    public static final List<String> HEADER = List.of("team", "metricId", "metric", "owner", "status", "version",
            "evidenceVersion", "verdict", "why", "revalidationDue", "blindSpots", "hypothesisId", "outcome",
            "statement", "direction", "minCorrelation", "minSampleSize", "hypothesisStatus", "latestCoefficient",
            "latestSampleSize", "latestVerdict", "latestRecordedAt", "latestMethod", "latestPeriodStart",
            "latestPeriodEnd", "latestIntervalLow", "latestIntervalHigh", "latestCounted", "decisionRule", "confidence",
            "samplesNeeded", "pooledEstimate", "pooledLow", "pooledHigh", "pooledSampleSize", "pooledCorrelations",
            "pooledQ", "pooledISquared", "pValue", "qValue", "shadowOpen", "shadowConfirmed", "shadowDiverged",
            "shadowExpired", "falsePositiveRate", "lastConfirmedAt");

    private static final String CRLF = "\r\n";

    private ReviewCsv() {
    }

    public static String render(TeamReview review) {
        StringBuilder csv = new StringBuilder();
        record(csv, HEADER);
        for (ReviewEntry entry : review.metrics()) {
            if (entry.hypotheses().isEmpty()) {
                record(csv, row(review, entry, null));
            }
            for (ReviewHypothesis hypothesis : entry.hypotheses()) {
                record(csv, row(review, entry, hypothesis));
            }
        }
        return csv.toString();
    }

    // Each value is already a finished field: text() guards and quotes, number() only quotes if ever needed.
    private static List<String> row(TeamReview review, ReviewEntry entry, ReviewHypothesis hypothesis) {
        List<String> fields = new ArrayList<>(HEADER.size());
        fields.add(text(review.team()));
        fields.add(text(entry.metricId()));
        fields.add(text(entry.name()));
        fields.add(text(entry.owner()));
        fields.add(text(name(entry.status())));
        fields.add(text(entry.version()));
        fields.add(text(entry.evidenceVersion()));
        fields.add(text(name(entry.verdict())));
        fields.add(text(entry.why()));
        fields.add(text(instant(entry.revalidationDue())));
        fields.add(text(entry.blindSpots().stream().map(BlindSpotView::failureMode)
                .collect(Collectors.joining("; "))));
        if (hypothesis == null) {
            while (fields.size() < HEADER.size()) {
                fields.add("");
            }
            return fields;
        }
        CorrelationView latest = hypothesis.latestEvidence();
        fields.add(text(hypothesis.hypothesisId()));
        fields.add(text(hypothesis.outcome()));
        fields.add(text(hypothesis.statement()));
        fields.add(text(name(hypothesis.direction())));
        fields.add(number(ReviewFormat.number(hypothesis.minCorrelation())));
        fields.add(number(Integer.toString(hypothesis.minSampleSize())));
        fields.add(text(name(hypothesis.status())));
        fields.add(latest == null ? "" : number(ReviewFormat.number(latest.coefficient())));
        fields.add(latest == null ? "" : number(Integer.toString(latest.sampleSize())));
        fields.add(latest == null ? "" : text(name(latest.verdict())));
        fields.add(latest == null ? "" : text(instant(latest.recordedAt())));
        fields.add(latest == null ? "" : text(name(latest.method())));
        fields.add(latest == null ? "" : text(String.valueOf(latest.periodStart())));
        fields.add(latest == null ? "" : text(String.valueOf(latest.periodEnd())));
        fields.add(latest == null || latest.interval() == null ? "" : num(latest.interval().low()));
        fields.add(latest == null || latest.interval() == null ? "" : num(latest.interval().high()));
        fields.add(latest == null ? "" : Boolean.toString(latest.counted()));
        fields.add(text(name(hypothesis.decisionRule())));
        fields.add(num(hypothesis.confidence()));
        fields.add(hypothesis.samplesNeeded() == null ? "" : number(hypothesis.samplesNeeded().toString()));
        PooledEvidence pooled = hypothesis.pooled();
        fields.add(pooled == null ? "" : num(pooled.estimate()));
        fields.add(pooled == null ? "" : num(pooled.low()));
        fields.add(pooled == null ? "" : num(pooled.high()));
        fields.add(pooled == null ? "" : number(Long.toString(pooled.sampleSize())));
        fields.add(pooled == null ? "" : number(Integer.toString(pooled.correlations())));
        fields.add(pooled == null ? "" : num(pooled.q()));
        fields.add(pooled == null ? "" : num(pooled.iSquared()));
        fields.add(hypothesis.pValue() == null ? "" : num(hypothesis.pValue()));
        fields.add(hypothesis.qValue() == null ? "" : num(hypothesis.qValue()));
        TrackRecord track = entry.trackRecord();
        fields.add(number(Integer.toString(track.open())));
        fields.add(number(Integer.toString(track.confirmed())));
        fields.add(number(Integer.toString(track.diverged())));
        fields.add(number(Integer.toString(track.expired())));
        fields.add(track.falsePositiveRate() == null ? "" : num(track.falsePositiveRate()));
        fields.add(text(instant(track.lastConfirmedAt())));
        return fields;
    }

    private static void record(StringBuilder csv, List<String> fields) {
        csv.append(String.join(",", fields)).append(CRLF);
    }

    /** A text field: guarded against formula injection, then quoted as RFC 4180 requires. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return quoted(startsLikeAFormula(value) ? "'" + value : value);
    }

    private static String num(double value) {
        return number(ReviewFormat.number(value));
    }

    private static String number(String value) {
        return quoted(value);
    }

    static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0
                && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String instant(Instant value) {
        return value == null ? null : ViewJson.INSTANT_FORMAT.format(value);
    }
}
