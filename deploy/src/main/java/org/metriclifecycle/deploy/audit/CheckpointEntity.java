package org.metriclifecycle.deploy.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code audit_checkpoint}. Flyway owns the table (lengths only mirror its DDL); rows are only ever added,
 * so the entity has no setters: the service's PostgreSQL role may not update one.
 */
@Entity
@Table(name = "audit_checkpoint")
public class CheckpointEntity {

    @Id
    @Column(name = "checkpoint_id", length = 36, nullable = false)
    private String checkpointId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "digest", length = 64, nullable = false)
    private String digest;

    // TEXT on PostgreSQL, CLOB on H2 (a checkpoint lists every stream, so it outgrows a VARCHAR there).
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "document", nullable = false)
    private String document;

    protected CheckpointEntity() {
        // for JPA
    }

    CheckpointEntity(String checkpointId, Instant createdAt, String digest, String document) {
        this.checkpointId = checkpointId;
        this.createdAt = createdAt;
        this.digest = digest;
        this.document = document;
    }

    String digest() {
        return digest;
    }

    String document() {
        return document;
    }
}
