package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code webhook_delivery}: one notification for one subscription, and how its attempts went. Flyway owns
 * the table. Only {@link WebhookDeliveries} writes it, in stateless sessions: attempts change rows by conditional
 * updates, never through this object.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity {

    @Id
    @Column(name = "delivery_id", length = 36, nullable = false)
    private String deliveryId;

    @Column(name = "subscription_id", length = 64, nullable = false)
    private String subscriptionId;

    @Column(name = "team", length = 64, nullable = false)
    private String team;

    @Column(name = "kind", length = 64, nullable = false)
    private String kind;

    @Column(name = "dedup_key", length = 255, nullable = false)
    private String dedupKey;

    @Column(name = "metric_id", length = 64)
    private String metricId;

    @Column(name = "url", length = 2000, nullable = false)
    private String url;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "status", length = 16, nullable = false)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDeliveryEntity() {
        // for JPA
    }

    String subscriptionId() {
        return subscriptionId;
    }

    WebhookDeliveryEntity(NewDelivery delivery) {
        this.deliveryId = delivery.deliveryId();
        this.subscriptionId = delivery.subscriptionId();
        this.team = delivery.team();
        this.kind = delivery.kind();
        this.dedupKey = delivery.dedupKey();
        this.metricId = delivery.metricId();
        this.url = delivery.url();
        this.body = delivery.body();
        this.status = DeliveryStatus.PENDING.name();
        this.attempts = 0;
        this.nextAttemptAt = delivery.createdAt();
        this.createdAt = delivery.createdAt();
    }

    ClaimedDelivery claimed(String openedSecret) {
        return new ClaimedDelivery(deliveryId, subscriptionId, kind, url, body, attempts, openedSecret);
    }

    DeliveryLogEntry logEntry() {
        return new DeliveryLogEntry(deliveryId, kind, metricId, DeliveryStatus.valueOf(status), attempts,
                lastStatusCode, lastError, nextAttemptAt, createdAt, lastAttemptAt, deliveredAt);
    }
}
