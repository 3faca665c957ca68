package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckExpired;
import org.metriclifecycle.events.RotationHandoffReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events a team is told about into outbox rows, in the processor's transaction: a row exists exactly when
 * the processor's token has passed its event, and the outbox's unique (subscription, event) key makes a redelivered
 * event add nothing. Sending happens elsewhere, later, so no command ever waits for a receiver.
 */
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox {

    public static final String PROCESSING_GROUP = "webhook-outbox";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookOutbox.class);

    private final WebhookFanOut fanOut;
    private final MetricDirectory metrics;

    public WebhookOutbox(WebhookFanOut fanOut, MetricDirectory metrics) {
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    // A replay must not notify anyone again: notifications are news of their moment, not a view to rebuild.
    @DisallowReplay
    @EventHandler
    public void on(MetricDeprecated event, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        metric(event.metricId(), eventId).ifPresent(metric ->
                fanOut.enqueue(Notifications.deprecated(metric, event, occurredAt), dedupKey(eventId)));
    }

    @DisallowReplay
    @EventHandler
    public void on(MetricDeprioritized event, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        metric(event.metricId(), eventId).ifPresent(metric ->
                fanOut.enqueue(Notifications.deprioritized(metric, event, occurredAt), dedupKey(eventId)));
    }

    @DisallowReplay
    @EventHandler
    public void on(ShadowCheckConcluded event, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        metric(event.metricId(), eventId).ifPresent(metric ->
                fanOut.enqueue(Notifications.shadowCheckConcluded(metric, event, occurredAt), dedupKey(eventId)));
    }

    @DisallowReplay
    @EventHandler
    public void on(ShadowCheckExpired event, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        metric(event.metricId(), eventId).ifPresent(metric ->
                fanOut.enqueue(Notifications.shadowCheckExpired(metric, event, occurredAt), dedupKey(eventId)));
    }

    @DisallowReplay
    @EventHandler
    public void on(RotationHandoffReached event, @MessageIdentifier String eventId, @Timestamp Instant occurredAt) {
        fanOut.enqueue(Notifications.handoff(event, metrics::find, occurredAt), dedupKey(eventId));
    }

    static String dedupKey(String eventId) {
        return "event:" + eventId;
    }

    private Optional<MetricFacts> metric(String metricId, String eventId) {
        Optional<MetricFacts> metric = metrics.find(metricId);
        if (metric.isEmpty()) {
            // Retrying cannot make the metric appear, and without it there is no team to notify.
            LOG.warn("event {}: metric {} not found, no webhook notification", eventId, metricId);
        }
        return metric;
    }
}
