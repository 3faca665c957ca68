package org.metriclifecycle.query.team;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.RevisionView;

/**
 * SPEC's review verdicts, in their precedence: REMOVE_CANDIDATE when the metric is DEPRIORITIZED or has no
 * supporting correlation within the last revalidation interval; REVALIDATE when revalidation is due within
 * {@link #REVALIDATE_WINDOW}; KEEP otherwise. Both bounds are inclusive: support recorded exactly one interval ago
 * still counts, and a due date exactly 14 days away already asks for revalidation (as does an overdue one).
 */
public final class ReviewRules {

    public static final Duration REVALIDATE_WINDOW = Duration.ofDays(14);

    private final Duration revalidationInterval;

    public ReviewRules(Duration revalidationInterval) {
        this.revalidationInterval = Objects.requireNonNull(revalidationInterval, "revalidationInterval");
    }

    public ReviewEntry review(MetricView metric, Instant now) {
        ReviewVerdict verdict;
        String why;
        Instant supportCutoff = now.minus(revalidationInterval);
        if (metric.status() == MetricStatus.DEPRIORITIZED) {
            verdict = ReviewVerdict.REMOVE_CANDIDATE;
            why = "Deprioritized on " + date(metric.deprioritizedAt())
                    + " and no correlation has supported a hypothesis since.";
        } else if (metric.lastSupportedAt() == null || metric.lastSupportedAt().isBefore(supportCutoff)) {
            verdict = ReviewVerdict.REMOVE_CANDIDATE;
            why = "No supporting correlation within the last revalidation interval ("
                    + ReviewFormat.span(revalidationInterval) + ", since " + date(supportCutoff) + "): "
                    + (metric.lastSupportedAt() == null
                    ? "none recorded" + noSupportSince(metric)
                    : "the latest was recorded on " + date(metric.lastSupportedAt())) + ".";
        } else if (metric.revalidationDue() != null
                && !metric.revalidationDue().isAfter(now.plus(REVALIDATE_WINDOW))) {
            verdict = ReviewVerdict.REVALIDATE;
            why = "Revalidation is due on " + date(metric.revalidationDue()) + ", within "
                    + REVALIDATE_WINDOW.toDays() + " days of this review (" + date(now) + ").";
        } else {
            verdict = ReviewVerdict.KEEP;
            why = "Supported on " + date(metric.lastSupportedAt())
                    + (metric.revalidationDue() == null ? "." : "; revalidation is due on "
                    + date(metric.revalidationDue()) + ", more than " + REVALIDATE_WINDOW.toDays() + " days away.");
        }
        return new ReviewEntry(metric.metricId(), metric.name(), metric.owner(), metric.status(), metric.version(),
                metric.evidenceVersion(), metric.hypotheses().stream().map(ReviewHypothesis::of).toList(),
                metric.revalidationDue(), metric.blindSpots(), verdict, why);
    }

    // A major revision wiped the old support: say so, or a reader who remembers it will think the review is wrong.
    private static String noSupportSince(MetricView metric) {
        for (int i = metric.revisions().size() - 1; i >= 0; i--) {
            RevisionView revision = metric.revisions().get(i);
            if (revision.major()) {
                return " since the major revision to version " + revision.version() + " on "
                        + date(revision.revisedAt());
            }
        }
        return metric.hypotheses().isEmpty() ? " and no hypothesis linked" : " yet";
    }

    private static String date(Instant instant) {
        return instant == null ? "an unknown date" : ReviewFormat.date(instant);
    }
}
