package org.metriclifecycle.deploy.audit;

import org.metriclifecycle.deploy.ops.ActiveDatabase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The {@code audit_checkpoint} table (signed documents, kept as served) and the chain heads a checkpoint lists. Joins
 * the caller's transaction, or runs in one of its own: the persistence unit needs one even to read.
 */
@Singleton
public class CheckpointStore {

    /** Every stream's last link, by stream id: one statement, so one snapshot of the chain. */
    private static final String HEADS = "SELECT c.aggregate_identifier, c.sequence_number, c.hash FROM event_chain c"
            + " JOIN (SELECT aggregate_identifier, MAX(sequence_number) AS head FROM event_chain"
            + " GROUP BY aggregate_identifier) h"
            + " ON h.aggregate_identifier = c.aggregate_identifier AND h.head = c.sequence_number"
            + " ORDER BY c.aggregate_identifier";

    private final EntityManager entities;

    @Inject
    CheckpointStore(ActiveDatabase database) {
        this.entities = database.entityManager();
    }

    @SuppressWarnings("unchecked")
    public List<ChainHead> heads() {
        // event_chain belongs to the event store, not to the persistence unit: a native query, not an entity.
        return QuarkusTransaction.joiningExisting().call(() -> ((List<Object[]>) entities.createNativeQuery(HEADS)
                .getResultList()).stream()
                .map(row -> new ChainHead((String) row[0], ((Number) row[1]).longValue(), ((String) row[2]).trim()))
                .toList());
    }

    public void insert(String checkpointId, Instant createdAt, String digest, String document) {
        QuarkusTransaction.joiningExisting().run(() ->
                entities.persist(new CheckpointEntity(checkpointId, createdAt, digest, document)));
    }

    /** The newest checkpoint's digest and document. */
    public Optional<Stored> latest() {
        return QuarkusTransaction.joiningExisting().call(() -> entities.createQuery(
                        "SELECT c FROM CheckpointEntity c ORDER BY c.createdAt DESC, c.checkpointId DESC",
                        CheckpointEntity.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(row -> new Stored(row.digest().trim(), row.document())));
    }

    public record Stored(String digest, String document) {
    }
}
