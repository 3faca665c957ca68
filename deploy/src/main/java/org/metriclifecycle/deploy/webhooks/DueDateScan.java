package org.metriclifecycle.deploy.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.WebhookEventKind;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;

/**
 * Warns a team ahead of its metrics' deadlines: a validated metric whose revalidation, or a proposed or linked
 * metric whose link deadline, falls within the lead time. The key of each warning is its metric, kind and due
 * instant, so it is sent once per due date however often the scan runs, on however many replicas, across restarts;
 * a deadline that moves (a new supporting correlation, a major revision) is a new warning.
 */
public final class DueDateScan {

    private final WebhookSubscriptionStore subscriptions;
    private final MetricViewStore metrics;
    private final WebhookFanOut fanOut;
    private final Duration leadTime;

    public DueDateScan(WebhookSubscriptionStore subscriptions, MetricViewStore metrics, WebhookFanOut fanOut,
                       Duration leadTime) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.leadTime = Objects.requireNonNull(leadTime, "leadTime");
    }

    /** @return how many deliveries were added */
    public int run(Instant now) {
        Set<String> teams = new LinkedHashSet<>();
        for (WebhookSubscriptionView subscription : subscriptions.all()) {
            if (subscription.receives(WebhookEventKind.REVALIDATION_DUE.wireName())
                    || subscription.receives(WebhookEventKind.LINK_DEADLINE_DUE.wireName())) {
                teams.add(subscription.team());
            }
        }
        int added = 0;
        for (String team : teams) {
            for (MetricView metric : metrics.activeOfTeam(team)) {
                if (metric.status() == MetricStatus.VALIDATED && dueSoon(metric.revalidationDue(), now)) {
                    added += fanOut.enqueue(Notifications.revalidationDue(metric, now),
                            dedupKey(WebhookEventKind.REVALIDATION_DUE, metric.metricId(), metric.revalidationDue()));
                }
                if ((metric.status() == MetricStatus.PROPOSED || metric.status() == MetricStatus.LINKED
                        || metric.status() == MetricStatus.REFUTED)
                        && dueSoon(metric.linkDeadline(), now)) {
                    added += fanOut.enqueue(Notifications.linkDeadlineDue(metric, now),
                            dedupKey(WebhookEventKind.LINK_DEADLINE_DUE, metric.metricId(), metric.linkDeadline()));
                }
            }
        }
        return added;
    }

    static String dedupKey(WebhookEventKind kind, String metricId, Instant due) {
        return "due:" + kind.wireName() + ":" + metricId + ":" + due;
    }

    /** Still ahead and within the lead time: a deadline already past is the deprioritization's news, not ours. */
    private boolean dueSoon(Instant due, Instant now) {
        return due != null && due.isAfter(now) && !due.isAfter(now.plus(leadTime));
    }
}
