package org.metriclifecycle.deploy.api;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code idempotency_key}: the first answer to one caller's key. Flyway owns the table. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKeyEntity.Key.class)
public class IdempotencyKeyEntity {

    /** The row's identity: a key is the caller's own. */
    public record Key(String caller, String idempotencyKey) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "caller", length = 200, nullable = false)
    private String caller;

    @Id
    @Column(name = "idempotency_key", length = 255, nullable = false)
    private String idempotencyKey;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "fingerprint", length = 64, nullable = false)
    private String fingerprint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status", nullable = false)
    private int status;

    @Column(name = "location", length = 2000)
    private String location;

    // TEXT on PostgreSQL, CLOB on H2: an answer's body has no useful bound.
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "body")
    private String body;

    protected IdempotencyKeyEntity() {
        // for JPA
    }

    public IdempotencyKeyEntity(String caller, String idempotencyKey, IdempotencyStore.StoredAnswer answer,
                                Instant createdAt) {
        this.caller = caller;
        this.idempotencyKey = idempotencyKey;
        this.fingerprint = answer.fingerprint();
        this.createdAt = createdAt;
        this.status = answer.status();
        this.location = answer.location();
        this.body = answer.body();
    }

    IdempotencyStore.StoredAnswer answer() {
        return new IdempotencyStore.StoredAnswer(fingerprint.trim(), status, location, body);
    }
}
