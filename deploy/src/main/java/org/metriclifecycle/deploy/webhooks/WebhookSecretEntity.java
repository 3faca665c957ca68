package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code webhook_secret}: the secret as sealed, never in plain text. Flyway owns the table. */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecretEntity {

    @Id
    @Column(name = "subscription_id", length = 64, nullable = false)
    private String subscriptionId;

    @Column(name = "team", length = 64, nullable = false)
    private String team;

    @Column(name = "secret", length = 128, nullable = false)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookSecretEntity() {
        // for JPA
    }

    WebhookSecretEntity(String subscriptionId, String team, String sealedSecret, Instant createdAt) {
        this.subscriptionId = subscriptionId;
        this.team = team;
        this.secret = sealedSecret;
        this.createdAt = createdAt;
    }

    String subscriptionId() {
        return subscriptionId;
    }

    /** As stored: sealed, or plain in a row written before secrets were encrypted. */
    String storedSecret() {
        return secret;
    }
}
