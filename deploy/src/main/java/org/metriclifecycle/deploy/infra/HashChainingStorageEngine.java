package org.metriclifecycle.deploy.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.jboss.logging.Logger;

/**
 * Writes each stream's hash chain ({@code event_chain}) in the same transaction as its events. The rows are read
 * back from {@code domain_event_entry} after the insert, so the hash covers the bytes as stored (after
 * serialization and the database's own conversions), which is what a verifier or an auditor reads later.
 * Every other operation is the delegate's.
 */
final class HashChainingStorageEngine implements EventStorageEngine {

    private static final Logger LOG = Logger.getLogger(HashChainingStorageEngine.class);
    private static final String READ_EVENT = "SELECT " + StoredEvent.COLUMNS
            + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?";
    private static final String READ_HASH =
            "SELECT hash FROM event_chain WHERE aggregate_identifier = ? AND sequence_number = ?";
    private static final String INSERT_LINK = "INSERT INTO event_chain "
            + "(aggregate_identifier, sequence_number, previous_hash, hash) VALUES (?, ?, ?, ?)";

    private final EventStorageEngine delegate;
    private final ConnectionProvider connections;
    private final TransactionManager transactions;

    HashChainingStorageEngine(EventStorageEngine delegate, ConnectionProvider connections,
                              TransactionManager transactions) {
        this.delegate = delegate;
        this.connections = connections;
        this.transactions = transactions;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        // Joins the unit of work's transaction when there is one: events and chain commit or roll back together.
        transactions.executeInTransaction(() -> {
            delegate.appendEvents(events);
            chain(events);
        });
    }

    private void chain(List<? extends EventMessage<?>> events) {
        List<Position> appended = events.stream().map(Position::of)
                .sorted(Comparator.comparingLong(Position::sequence)).toList();
        Map<Position, String> hashes = new HashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_LINK)) {
            for (Position position : appended) {
                String previous = previousHash(connection, position, hashes);
                String hash = EventHash.of(previous, read(connection, position));
                hashes.put(position, hash);
                insert.setString(1, position.aggregate());
                insert.setLong(2, position.sequence());
                insert.setString(3, previous);
                insert.setString(4, hash);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new EventStoreException("could not write the hash chain of the appended events", e);
        }
    }

    private static String previousHash(Connection connection, Position position, Map<Position, String> batch)
            throws SQLException {
        if (position.sequence() == 0) {
            return EventHash.GENESIS;
        }
        Position before = new Position(position.aggregate(), position.sequence() - 1);
        String inBatch = batch.get(before);
        if (inBatch != null) {
            return inBatch;
        }
        try (PreparedStatement query = connection.prepareStatement(READ_HASH)) {
            query.setString(1, before.aggregate());
            query.setLong(2, before.sequence());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return row.getString(1);
                }
            }
        }
        // Only a stream stored before the chain existed (or whose chain row was deleted) gets here. Refusing the
        // append would lock the metric forever; the verifier reports the gap at the missing entry instead.
        LOG.warnf("no chain entry for %s #%d: chaining #%d from the genesis hash", before.aggregate(),
                before.sequence(), position.sequence());
        return EventHash.GENESIS;
    }

    private static StoredEvent read(Connection connection, Position position) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(READ_EVENT)) {
            query.setString(1, position.aggregate());
            query.setLong(2, position.sequence());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the event just appended is not stored: " + position);
                }
                return StoredEvent.read(row);
            }
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    /** Where an event sits in its stream, as the JDBC engine stores it (a non-domain event is its own stream). */
    private record Position(String aggregate, long sequence) {

        static Position of(EventMessage<?> event) {
            return event instanceof DomainEventMessage<?> domain
                    ? new Position(domain.getAggregateIdentifier(), domain.getSequenceNumber())
                    : new Position(event.getIdentifier(), 0);
        }
    }
}
