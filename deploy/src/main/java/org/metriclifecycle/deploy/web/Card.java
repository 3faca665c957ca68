package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.CorrelationView;
import org.metriclifecycle.query.metric.HypothesisView;
import org.metriclifecycle.query.metric.MetricView;

/**
 * One metric on the board, every text ready to print.
 *
 * @param clock    what the metric races against: days left in the link window (PROPOSED, LINKED), to revalidation
 *                 (VALIDATED), since deprioritization; empty for a deprecated metric
 * @param urgency  {@code overdue}, {@code soon} (14 days or less, the review's REVALIDATE window) or {@code calm}
 * @param evidence the latest correlation of any hypothesis, or empty before the first
 * @param verdict  that correlation's verdict in lower case (a CSS class), or empty
 * @param trackRecord its shadow checks in one line: false-positive rate, counts, last confirmation
 */
public record Card(String metricId, String name, String owner, String version, MetricStatus status, String clock,
                   String urgency, String evidence, String verdict, String trackRecord) {

    static final long SOON_DAYS = 14;

    /** The status in lower case, a CSS class. */
    public String statusClass() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    public static Card of(MetricView metric, Instant now) {
        String clock = "";
        String urgency = "calm";
        Instant due = switch (metric.status()) {
            case PROPOSED, LINKED, REFUTED -> metric.linkDeadline();
            case VALIDATED -> metric.revalidationDue();
            default -> null;
        };
        if (due != null) {
            long days = Display.daysUntil(now, due);
            String what = metric.status() == MetricStatus.VALIDATED ? "to revalidation" : "left to link";
            if (days <= 0) {
                clock = metric.status() == MetricStatus.VALIDATED ? "revalidation overdue" : "link window closed";
                urgency = "overdue";
            } else {
                clock = days + (days == 1 ? " day " : " days ") + what;
                urgency = days <= SOON_DAYS ? "soon" : "calm";
            }
        } else if (metric.status() == MetricStatus.DEPRIORITIZED && metric.deprioritizedAt() != null) {
            clock = "deprioritized " + Display.day(metric.deprioritizedAt());
        }
        Optional<CorrelationView> latest = latestEvidence(metric);
        return new Card(metric.metricId(), metric.name(), metric.owner(), metric.version(), metric.status(), clock,
                urgency, latest.map(Card::evidence).orElse(""),
                latest.map(c -> c.verdict().name().toLowerCase(Locale.ROOT)).orElse(""),
                TrackRecordText.card(metric.trackRecord()));
    }

    /** The most recent correlation of any hypothesis and any verdict. */
    static Optional<CorrelationView> latestEvidence(MetricView metric) {
        return metric.hypotheses().stream().map(HypothesisView::latestCorrelation).filter(Objects::nonNull)
                .max(Comparator.comparing(CorrelationView::recordedAt));
    }

    private static String evidence(CorrelationView correlation) {
        return "r = " + Display.number(correlation.coefficient()) + ", n = " + correlation.sampleSize() + ", "
                + correlation.verdict() + " (" + Display.day(correlation.recordedAt()) + ")";
    }
}
