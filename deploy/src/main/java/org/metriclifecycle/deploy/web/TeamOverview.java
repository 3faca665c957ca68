package org.metriclifecycle.deploy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.team.TeamReview;
import org.metriclifecycle.query.team.TeamRotation;
import org.metriclifecycle.query.team.TeamSummary;
import org.metriclifecycle.query.team.UpcomingHandoffs;

/**
 * Everything the team page shows: the budget gauge, counts by status, owner load, the rotation with its next
 * handoffs, and the quarterly review.
 *
 * @param rotation     null when the team does not rotate ownership
 * @param handoffs     the next few handoffs (empty without a rotation)
 * @param gaugePercent how full the budget is, 0..100 (a budget over its limit shows full)
 * @param gaugeState   {@code ok}, {@code full} (at the limit) or {@code over}
 * @param replaceable  the choices for "replaces" when a proposal is over budget: none, or one of the active metrics
 */
public record TeamOverview(TeamSummary summary, TeamRotation rotation, List<UpcomingHandoffs.Handoff> handoffs,
                           TeamReview review, int gaugePercent, String gaugeState, List<Count> counts,
                           List<Load> ownerLoad, List<Option> replaceable) {

    /** How many of the team's metrics have one status. */
    public record Count(MetricStatus status, int count) {

        public String cssClass() {
            return status.name().toLowerCase(Locale.ROOT);
        }
    }

    /** One owner's active metrics, with a bar length relative to the busiest owner. */
    public record Load(String owner, int metrics, int percent) {
    }

    public static TeamOverview of(TeamSummary summary, TeamRotation rotation, UpcomingHandoffs upcoming,
                                  TeamReview review, List<MetricView> metrics) {
        int limit = Math.max(1, summary.coreMetricLimit());
        int percent = (int) Math.min(100, Math.round(100.0 * summary.metricsCounted() / limit));
        String state = summary.metricsCounted() > summary.coreMetricLimit() ? "over"
                : summary.metricsCounted() == summary.coreMetricLimit() ? "full" : "ok";
        List<Count> counts = new ArrayList<>();
        for (MetricStatus status : MetricStatus.values()) {
            counts.add(new Count(status, summary.countsByStatus().getOrDefault(status, 0)));
        }
        int busiest = summary.ownerLoad().values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Load> load = new ArrayList<>();
        summary.ownerLoad().forEach((owner, count) -> load.add(new Load(owner, count,
                (int) Math.round(100.0 * count / Math.max(1, busiest)))));
        List<Option> replaceable = new ArrayList<>();
        replaceable.add(new Option("", "none (within budget)"));
        for (MetricView metric : metrics) {
            if (metric.status() != MetricStatus.DEPRECATED) {
                replaceable.add(new Option(metric.metricId(), metric.name() + " (" + metric.owner() + ")"));
            }
        }
        return new TeamOverview(summary, rotation, upcoming == null ? List.of() : upcoming.handoffs(), review,
                percent, state, List.copyOf(counts), List.copyOf(load), List.copyOf(replaceable));
    }

    /** The rotation's members in order, "ada, lena, carl" (empty without a rotation). */
    public String rotationMembers() {
        return rotation == null ? "" : String.join(", ", rotation.members());
    }
}
