package org.metriclifecycle.query.metric.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A row of {@code metric_history}. Written once and never updated: the audit trail only grows. {@code changes}
 * holds the JSON object {@code {path: {before, after}}}.
 */
@Entity
@Table(name = "metric_history")
public class MetricHistoryEntity {

    @EmbeddedId
    private MetricHistoryKey key;

    @Column(name = "event_type", length = 100, nullable = false)
    private String eventType;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", length = 200, nullable = false)
    private String actor;

    @Column(name = "reason")
    private String reason;

    @Column(name = "changes", nullable = false)
    private String changes;

    protected MetricHistoryEntity() {
        // for JPA
    }

    public MetricHistoryEntity(MetricHistoryKey key, String eventType, Instant occurredAt, String actor,
                               String reason, String changes) {
        this.key = key;
        this.eventType = eventType;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.reason = reason;
        this.changes = changes;
    }

    public MetricHistoryKey getKey() {
        return key;
    }

    public String getEventType() {
        return eventType;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getReason() {
        return reason;
    }

    public String getChanges() {
        return changes;
    }
}
