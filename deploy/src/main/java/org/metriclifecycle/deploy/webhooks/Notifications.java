package org.metriclifecycle.deploy.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckExpired;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.events.RotationAssignment;
import org.metriclifecycle.events.RotationHandoffReached;
import org.metriclifecycle.events.WebhookEventKind;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.ViewJson;

/** What each kind of notification says, in words for people (summary) and in fields for machines (data). */
public final class Notifications {

    /** A handoff's summary names this many assignments; the data lists them all. */
    static final int SUMMARY_ASSIGNMENTS = 10;

    private Notifications() {
    }

    public static Notification deprecated(MetricFacts metric, MetricDeprecated event, Instant occurredAt) {
        Map<String, Object> data = metricData(metric);
        data.put("reason", event.reason());
        data.put("replacedBy", event.replacedBy());
        data.put("deprecatedAt", event.deprecatedAt());
        String summary = describe(metric) + " was deprecated: " + event.reason()
                + (event.replacedBy() == null ? "" : " (replaced by " + event.replacedBy() + ")");
        return new Notification(WebhookEventKind.METRIC_DEPRECATED, metric.team(), metric.metricId(), occurredAt,
                summary, data);
    }

    public static Notification deprioritized(MetricFacts metric, MetricDeprioritized event, Instant occurredAt) {
        Map<String, Object> data = metricData(metric);
        data.put("rule", event.rule() == null ? null : event.rule().name());
        data.put("reason", event.reason());
        data.put("deprioritizedAt", event.deprioritizedAt());
        return new Notification(WebhookEventKind.METRIC_DEPRIORITIZED, metric.team(), metric.metricId(), occurredAt,
                describe(metric) + " was deprioritized: " + event.reason(), data);
    }

    public static Notification shadowCheckConcluded(MetricFacts metric, ShadowCheckConcluded event,
                                                    Instant occurredAt) {
        Map<String, Object> data = metricData(metric);
        data.put("checkId", event.checkId());
        data.put("result", event.result().name());
        data.put("outcomeDelta", event.outcomeDelta());
        data.put("sampleSize", event.sampleSize());
        data.put("note", event.note());
        data.put("concludedAt", event.concludedAt());
        String summary = describe(metric) + ": shadow check " + event.checkId() + " "
                + (event.result() == ShadowCheckResult.CONFIRMED ? "CONFIRMED (the outcome moved as predicted)"
                : "DIVERGED (the eval's improvement did not move the outcome as predicted)");
        return new Notification(WebhookEventKind.SHADOW_CHECK_CONCLUDED, metric.team(), metric.metricId(), occurredAt,
                summary, data);
    }

    public static Notification shadowCheckExpired(MetricFacts metric, ShadowCheckExpired event, Instant occurredAt) {
        Map<String, Object> data = metricData(metric);
        data.put("checkId", event.checkId());
        data.put("expiredAt", event.expiredAt());
        return new Notification(WebhookEventKind.SHADOW_CHECK_EXPIRED, metric.team(), metric.metricId(), occurredAt,
                describe(metric) + ": shadow check " + event.checkId() + " expired without an observed outcome",
                data);
    }

    /** @param metrics names the metrics handed over; one it cannot find is listed by id */
    public static Notification handoff(RotationHandoffReached event, Function<String, Optional<MetricFacts>> metrics,
                                       Instant occurredAt) {
        List<Map<String, Object>> assignments = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (RotationAssignment assignment : event.assignments()) {
            String name = metrics.apply(assignment.metricId()).map(MetricFacts::name).orElse(null);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("metricId", assignment.metricId());
            entry.put("metricName", name);
            entry.put("owner", assignment.owner());
            assignments.add(entry);
            lines.add("\"" + (name == null ? assignment.metricId() : name) + "\" to " + assignment.owner());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scheduleId", event.scheduleId());
        data.put("handoff", event.handoff());
        data.put("handoffAt", event.handoffAt());
        data.put("assignments", assignments);
        String listed = lines.isEmpty() ? "no active metrics to hand over"
                : String.join(", ", lines.subList(0, Math.min(lines.size(), SUMMARY_ASSIGNMENTS)))
                + (lines.size() > SUMMARY_ASSIGNMENTS ? " and " + (lines.size() - SUMMARY_ASSIGNMENTS) + " more" : "");
        return new Notification(WebhookEventKind.ROTATION_HANDOFF, event.team(), null, occurredAt,
                "Team " + event.team() + "'s rotation handoff " + event.handoff() + ": " + listed, data);
    }

    public static Notification revalidationDue(MetricView metric, Instant now) {
        Instant due = metric.revalidationDue();
        return new Notification(WebhookEventKind.REVALIDATION_DUE, metric.team(), metric.metricId(), now,
                describe(facts(metric)) + " must be revalidated by " + text(due) + " (in " + remaining(now, due)
                        + "), or it is deprioritized", dueData(metric, due));
    }

    public static Notification linkDeadlineDue(MetricView metric, Instant now) {
        Instant due = metric.linkDeadline();
        return new Notification(WebhookEventKind.LINK_DEADLINE_DUE, metric.team(), metric.metricId(), now,
                describe(facts(metric)) + " needs a supported hypothesis by " + text(due) + " (in "
                        + remaining(now, due) + "), or it is deprioritized", dueData(metric, due));
    }

    public static MetricFacts facts(MetricView metric) {
        return new MetricFacts(metric.metricId(), metric.name(), metric.team(), metric.owner());
    }

    private static Map<String, Object> dueData(MetricView metric, Instant due) {
        Map<String, Object> data = metricData(facts(metric));
        data.put("status", metric.status().name());
        data.put("dueAt", due);
        return data;
    }

    private static Map<String, Object> metricData(MetricFacts metric) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("metricName", metric.name());
        data.put("owner", metric.owner());
        return data;
    }

    private static String describe(MetricFacts metric) {
        return "Metric \"" + metric.name() + "\" of team " + metric.team();
    }

    private static String text(Instant instant) {
        return ViewJson.INSTANT_FORMAT.format(instant);
    }

    /** Rounded down to what a person plans with: days, else hours, else minutes. */
    static String remaining(Instant now, Instant due) {
        Duration left = Duration.between(now, due);
        if (left.toDays() >= 1) {
            return left.toDays() + (left.toDays() == 1 ? " day" : " days");
        }
        if (left.toHours() >= 1) {
            return left.toHours() + (left.toHours() == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(0, left.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
