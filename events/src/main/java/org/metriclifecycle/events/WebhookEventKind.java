package org.metriclifecycle.events;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a team can be notified of by webhook. Stored events and the HTTP API carry the wire name (the value of the
 * {@code X-Metrics-Event} header), never the constant's name, so a constant can be renamed without touching stored
 * subscriptions.
 */
public enum WebhookEventKind {
    /** An automatic rule deprioritized a metric ({@link MetricDeprioritized}). */
    METRIC_DEPRIORITIZED("metric.deprioritized"),
    /** A metric was deprecated ({@link MetricDeprecated}). */
    METRIC_DEPRECATED("metric.deprecated"),
    /** A validated metric's revalidation falls due within the lead time. */
    REVALIDATION_DUE("metric.revalidation_due"),
    /** A proposed or linked metric's link deadline falls within the lead time. */
    LINK_DEADLINE_DUE("metric.link_deadline_due"),
    /** A team's rotation handed its metrics to their next owners ({@link RotationHandoffReached}). */
    ROTATION_HANDOFF("rotation.handoff"),
    /** A shadow check was concluded, CONFIRMED or DIVERGED ({@link ShadowCheckConcluded}). */
    SHADOW_CHECK_CONCLUDED("shadow_check.concluded"),
    /** A shadow check was not concluded by its observeUntil ({@link ShadowCheckExpired}). */
    SHADOW_CHECK_EXPIRED("shadow_check.expired");

    private final String wireName;

    WebhookEventKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventKind> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst();
    }

    /** Every wire name, sorted: what a subscription that names no kinds receives. */
    public static Set<String> allWireNames() {
        Set<String> names = new TreeSet<>();
        for (WebhookEventKind kind : values()) {
            names.add(kind.wireName);
        }
        return names;
    }
}
