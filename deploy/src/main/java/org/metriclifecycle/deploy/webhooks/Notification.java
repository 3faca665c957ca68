package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.metriclifecycle.events.WebhookEventKind;

/**
 * Something a team is told about, before it is addressed to a subscription: the same for every subscriber.
 *
 * @param metricId null for a notification about the team as a whole (a rotation handoff)
 * @param summary  one line a person reads (the whole text of a Slack message)
 * @param data     the facts behind the summary, in a stable order, for machines
 */
public record Notification(WebhookEventKind kind, String team, String metricId, Instant occurredAt, String summary,
                           Map<String, Object> data) {

    public Notification {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
