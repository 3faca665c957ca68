package org.metriclifecycle.query.metric.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metriclifecycle.events.MetricStatus;

/**
 * A row of {@code metric_view}: the columns listings filter and sort on, beside the whole view as a JSON document
 * that answers read. Flyway owns the table, so lengths here only mirror its DDL (TEXT columns have none).
 */
@Entity
@Table(name = "metric_view")
public class MetricViewEntity {

    @Id
    @Column(name = "metric_id", length = 64, nullable = false)
    private String metricId;

    @Column(name = "team", length = 64, nullable = false)
    private String team;

    @Column(name = "owner", length = 120, nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private MetricStatus status;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "document", nullable = false)
    private String document;

    /** {@link org.metriclifecycle.query.metric.MetricFilter#searchText}; derived from the document. */
    @Column(name = "search_text")
    private String searchText;

    /** The document's {@code replacedBy}, as a column so a successor finds what it replaced. */
    @Column(name = "replaced_by", length = 64)
    private String replacedBy;

    protected MetricViewEntity() {
        // for JPA
    }

    public MetricViewEntity(String metricId, String team, String owner, MetricStatus status, Instant proposedAt,
                            long lastSequence, String document) {
        this.metricId = metricId;
        update(team, owner, status, proposedAt, lastSequence, document);
    }

    public void update(String team, String owner, MetricStatus status, Instant proposedAt, long lastSequence,
                       String document) {
        this.team = team;
        this.owner = owner;
        this.status = status;
        this.proposedAt = proposedAt;
        this.lastSequence = lastSequence;
        this.document = document;
    }

    public String getMetricId() {
        return metricId;
    }

    public String getTeam() {
        return team;
    }

    public String getOwner() {
        return owner;
    }

    public MetricStatus getStatus() {
        return status;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public long getLastSequence() {
        return lastSequence;
    }

    public String getDocument() {
        return document;
    }
}
