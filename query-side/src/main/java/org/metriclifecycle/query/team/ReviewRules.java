package org.metriclifecycle.query.team;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.evidence.BenjaminiHochberg;
import org.metriclifecycle.events.evidence.OneSidedPValue;
import org.metriclifecycle.query.metric.HypothesisView;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.TrackRecord;
import org.metriclifecycle.query.metric.RevisionView;

/**
 * SPEC's review verdicts, the first that applies: PENDING inside the link window unless VALIDATED or DEPRIORITIZED;
 * REMOVE_CANDIDATE when DEPRIORITIZED or REFUTED, when past its link window with no supporting evidence within the
 * last revalidation interval, or when its shadow checks' false-positive rate is above 0.5 over at least 3 concluded
 * checks; REVALIDATE when revalidation is due within {@link #REVALIDATE_WINDOW}; KEEP otherwise. Both bounds are
 * inclusive: support recorded exactly one interval ago still counts, and a due date exactly 14 days away already asks
 * for revalidation (as does an overdue one).
 * <p>
 * Many metrics, many looks: every SUPPORTED INTERVAL hypothesis gets its one-sided p-value against its bar and its
 * Benjamini-Hochberg q-value across the team's tested hypotheses; a q-value above {@link #FALSE_DISCOVERY_RATE} is
 * named in the why as a possible false discovery.
 */
public final class ReviewRules {

    public static final Duration REVALIDATE_WINDOW = Duration.ofDays(14);
    public static final double FALSE_DISCOVERY_RATE = 0.05;
    public static final double MAX_FALSE_POSITIVE_RATE = 0.5;
    public static final int MIN_CONCLUDED_CHECKS = 3;

    private final Duration revalidationInterval;

    public ReviewRules(Duration revalidationInterval) {
        this.revalidationInterval = Objects.requireNonNull(revalidationInterval, "revalidationInterval");
    }

    /** The team's review: each metric's verdict, with p- and q-values over all of the team's tested hypotheses. */
    public List<ReviewEntry> review(List<MetricView> metrics, Instant now) {
        List<Double> pValues = new ArrayList<>();
        for (MetricView metric : metrics) {
            for (HypothesisView h : metric.hypotheses()) {
                if (ReviewHypothesis.isTested(h)) {
                    pValues.add(pValue(h));
                }
            }
        }
        List<Double> qValues = BenjaminiHochberg.qValues(pValues);
        List<ReviewEntry> entries = new ArrayList<>(metrics.size());
        int next = 0;
        for (MetricView metric : metrics) {
            List<ReviewHypothesis> hypotheses = new ArrayList<>();
            for (HypothesisView h : metric.hypotheses()) {
                if (ReviewHypothesis.isTested(h)) {
                    hypotheses.add(ReviewHypothesis.of(h, pValues.get(next), qValues.get(next)));
                    next++;
                } else {
                    hypotheses.add(ReviewHypothesis.of(h));
                }
            }
            entries.add(review(metric, hypotheses, now, pValues.size()));
        }
        return entries;
    }

    /** One metric reviewed on its own (its p- and q-values over its own tested hypotheses). */
    public ReviewEntry review(MetricView metric, Instant now) {
        return review(List.of(metric), now).get(0);
    }

    static double pValue(HypothesisView h) {
        return OneSidedPValue.of(h.pooled().zBar(), h.pooled().standardError(), h.direction(), h.minCorrelation());
    }

    private ReviewEntry review(MetricView metric, List<ReviewHypothesis> hypotheses, Instant now, int tested) {
        ReviewVerdict verdict;
        String why;
        Instant supportCutoff = now.minus(revalidationInterval);
        boolean insideLinkWindow = metric.linkDeadline() != null && now.isBefore(metric.linkDeadline());
        boolean recentSupport = metric.status() == MetricStatus.VALIDATED
                && ((metric.lastSupportedAt() != null && !metric.lastSupportedAt().isBefore(supportCutoff))
                || (metric.revalidationDue() != null && metric.revalidationDue().isAfter(now)));
        TrackRecord track = metric.trackRecord();
        int concluded = track.confirmed() + track.diverged();
        if (insideLinkWindow && metric.status() != MetricStatus.VALIDATED
                && metric.status() != MetricStatus.DEPRIORITIZED) {
            verdict = ReviewVerdict.PENDING;
            long days = Math.max(0, Duration.between(now, metric.linkDeadline()).toDays());
            why = "Inside its link window: " + days + (days == 1 ? " day" : " days") + " left (until "
                    + date(metric.linkDeadline()) + ") to earn a supported hypothesis.";
        } else if (metric.status() == MetricStatus.DEPRIORITIZED) {
            verdict = ReviewVerdict.REMOVE_CANDIDATE;
            why = "Deprioritized on " + date(metric.deprioritizedAt())
                    + " and no correlation has supported a hypothesis since.";
        } else if (metric.status() == MetricStatus.REFUTED) {
            verdict = ReviewVerdict.REMOVE_CANDIDATE;
            why = "Every hypothesis is refuted by its evidence: " + hypotheses.stream()
                    .map(h -> h.hypothesisId() + (h.pooled() == null ? "" : " (pooled r = "
                            + ReviewFormat.stat(h.pooled().estimate()) + ", " + interval(h.pooled()) + ", n = "
                            + h.pooled().sampleSize() + ")"))
                    .collect(java.util.stream.Collectors.joining("; ")) + ".";
        } else if (!recentSupport) {
            verdict = ReviewVerdict.REMOVE_CANDIDATE;
            why = "No supporting correlation within the last revalidation interval ("
                    + ReviewFormat.span(revalidationInterval) + ", since " + date(supportCutoff) + "): "
                    + (metric.lastSupportedAt() == null
                    ? "none recorded" + noSupportSince(metric)
                    : "the latest was recorded on " + date(metric.lastSupportedAt())) + ".";
        } else if (concluded >= MIN_CONCLUDED_CHECKS && track.falsePositiveRate() != null
                && track.falsePositiveRate() > MAX_FALSE_POSITIVE_RATE) {
            verdict = ReviewVerdict.REMOVE_CANDIDATE;
            why = "Its improvements were false positives " + track.diverged() + " times out of " + concluded
                    + " concluded shadow checks (false-positive rate " + ReviewFormat.stat(track.falsePositiveRate())
                    + ", above " + ReviewFormat.number(MAX_FALSE_POSITIVE_RATE) + ").";
        } else if (metric.revalidationDue() != null
                && !metric.revalidationDue().isAfter(now.plus(REVALIDATE_WINDOW))) {
            verdict = ReviewVerdict.REVALIDATE;
            why = "Revalidation is due on " + date(metric.revalidationDue()) + ", within "
                    + REVALIDATE_WINDOW.toDays() + " days of this review (" + date(now) + ").";
        } else {
            verdict = ReviewVerdict.KEEP;
            why = "Supported" + (metric.lastSupportedAt() == null ? "" : " on " + date(metric.lastSupportedAt()))
                    + (metric.revalidationDue() == null ? "." : "; revalidation is due on "
                    + date(metric.revalidationDue()) + ", more than " + REVALIDATE_WINDOW.toDays() + " days away.");
        }
        for (ReviewHypothesis h : hypotheses) {
            if (h.qValue() != null && h.qValue() > FALSE_DISCOVERY_RATE) {
                why += " Hypothesis " + h.hypothesisId() + " (" + h.outcome() + ") may be a false discovery: p = "
                        + ReviewFormat.stat(h.pValue()) + " against its bar, q = " + ReviewFormat.stat(h.qValue())
                        + " > " + ReviewFormat.number(FALSE_DISCOVERY_RATE) + " across the team's " + tested
                        + " supported hypotheses.";
            }
        }
        return new ReviewEntry(metric.metricId(), metric.name(), metric.owner(), metric.status(), metric.version(),
                metric.evidenceVersion(), hypotheses, metric.revalidationDue(), metric.blindSpots(), verdict, why,
                track);
    }

    static String interval(org.metriclifecycle.events.PooledEvidence pooled) {
        return "interval " + ReviewFormat.stat(pooled.low()) + " to " + ReviewFormat.stat(pooled.high());
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
