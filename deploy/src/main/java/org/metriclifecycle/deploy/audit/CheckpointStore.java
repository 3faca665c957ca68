package org.metriclifecycle.deploy.audit;

import org.metriclifecycle.deploy.ops.ActiveDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The {@code audit_checkpoint} table (signed documents, kept as served) and the chain heads a checkpoint lists. Runs
 * in the caller's transaction. The service's PostgreSQL role may only add checkpoints, never change one.
 */
@Singleton
public class CheckpointStore {

    /** Every stream's last link, by stream id: one statement, so one snapshot of the chain. */
    private static final String HEADS = "SELECT c.aggregate_identifier, c.sequence_number, c.hash FROM event_chain c"
            + " JOIN (SELECT aggregate_identifier, MAX(sequence_number) AS head FROM event_chain"
            + " GROUP BY aggregate_identifier) h"
            + " ON h.aggregate_identifier = c.aggregate_identifier AND h.head = c.sequence_number"
            + " ORDER BY c.aggregate_identifier";

    private final ActiveDatabase database;

    @Inject
    CheckpointStore(ActiveDatabase database) {
        this.database = database;
    }

    public List<ChainHead> heads() {
        List<ChainHead> heads = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(HEADS);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                heads.add(new ChainHead(row.getString(1), row.getLong(2), row.getString(3).trim()));
            }
            return heads;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the chain heads: " + e.getMessage(), e);
        }
    }

    public void insert(String checkpointId, Instant createdAt, String digest, String document) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint"
                     + " (checkpoint_id, created_at, digest, document) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, checkpointId);
            insert.setTimestamp(2, Timestamp.from(createdAt));
            insert.setString(3, digest);
            insert.setString(4, document);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the checkpoint: " + e.getMessage(), e);
        }
    }

    /** The newest checkpoint's digest and document. */
    public Optional<Stored> latest() {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT digest, document FROM audit_checkpoint"
                     + " ORDER BY created_at DESC, checkpoint_id DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new Stored(row.getString(1).trim(), row.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the latest checkpoint: " + e.getMessage(), e);
        }
    }

    public record Stored(String digest, String document) {
    }
}
