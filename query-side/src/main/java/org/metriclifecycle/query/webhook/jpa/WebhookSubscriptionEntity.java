package org.metriclifecycle.query.webhook.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code webhook_subscription}. Flyway owns the table, so lengths here only mirror its DDL. The kinds are
 * one comma-separated column: wire names never contain commas, and the list is read whole.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity {

    @Id
    @Column(name = "subscription_id", length = 64, nullable = false)
    private String subscriptionId;

    @Column(name = "team", length = 64, nullable = false)
    private String team;

    @Column(name = "url", length = 2000, nullable = false)
    private String url;

    @Column(name = "format", length = 16, nullable = false)
    private String format;

    @Column(name = "event_kinds", length = 500, nullable = false)
    private String eventKinds;

    @Column(name = "secret_fingerprint", length = 80, nullable = false)
    private String secretFingerprint;

    @Column(name = "subscribed_at", nullable = false)
    private Instant subscribedAt;

    @Column(name = "subscribed_by", length = 200, nullable = false)
    private String subscribedBy;

    protected WebhookSubscriptionEntity() {
        // for JPA
    }

    public WebhookSubscriptionEntity(String subscriptionId, String team, String url, String format, String eventKinds,
                                     String secretFingerprint, Instant subscribedAt, String subscribedBy) {
        this.subscriptionId = subscriptionId;
        update(team, url, format, eventKinds, secretFingerprint, subscribedAt, subscribedBy);
    }

    public void update(String newTeam, String newUrl, String newFormat, String newEventKinds,
                       String newSecretFingerprint, Instant newSubscribedAt, String newSubscribedBy) {
        this.team = newTeam;
        this.url = newUrl;
        this.format = newFormat;
        this.eventKinds = newEventKinds;
        this.secretFingerprint = newSecretFingerprint;
        this.subscribedAt = newSubscribedAt;
        this.subscribedBy = newSubscribedBy;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public String getTeam() {
        return team;
    }

    public String getUrl() {
        return url;
    }

    public String getFormat() {
        return format;
    }

    public String getEventKinds() {
        return eventKinds;
    }

    public String getSecretFingerprint() {
        return secretFingerprint;
    }

    public Instant getSubscribedAt() {
        return subscribedAt;
    }

    public String getSubscribedBy() {
        return subscribedBy;
    }
}
