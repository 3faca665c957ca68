package org.metriclifecycle.deploy.stores.cost;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** {@code idempotency_key} as Hibernate would map it; only {@code HotPathStoresCostTest} uses it. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKeyRow.Key.class)
public class IdempotencyKeyRow {

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

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "body")
    private String body;

    protected IdempotencyKeyRow() {
        // for JPA
    }

    public IdempotencyKeyRow(String caller, String idempotencyKey, String fingerprint, Instant createdAt, int status,
                             String location, String body) {
        this.caller = caller;
        this.idempotencyKey = idempotencyKey;
        this.fingerprint = fingerprint;
        this.createdAt = createdAt;
        this.status = status;
        this.location = location;
        this.body = body;
    }
}
