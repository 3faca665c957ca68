package org.metriclifecycle.deploy.audit;

import org.metriclifecycle.deploy.axon.AfterCommit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jboss.logging.Logger;

/**
 * Writes each stream's hash chain ({@code event_chain}) in the same transaction as its events. The hash covers the
 * bytes exactly as they are inserted (this engine builds the insert itself, the way Axon's default does, and keeps
 * what it bound), so nothing is read back; the previous link comes from the heads this instance saw commit, or from
 * one primary-key read. A verifier or an auditor reading the database recomputes the same hashes. Every other
 * operation is the delegate's.
 * <p>
 * On PostgreSQL an event and its link are one statement (the event's INSERT in a {@code WITH} before the link's),
 * so an append is one round trip; elsewhere the links are a second batch after the events'.
 */
public final class HashChainingStorageEngine implements EventStorageEngine {

    private static final Logger LOG = Logger.getLogger(HashChainingStorageEngine.class);
    private static final String READ_HASH =
            "SELECT hash FROM event_chain WHERE aggregate_identifier = ? AND sequence_number = ?";
    private static final String INSERT_LINK = "INSERT INTO event_chain "
            + "(aggregate_identifier, sequence_number, previous_hash, hash) VALUES (?, ?, ?, ?)";
    private static final int REMEMBERED_HEADS = 20_000;

    /** What the append statement bound for each event of the current append, on this thread, with its link. */
    private static final ThreadLocal<List<Bound>> BOUND = ThreadLocal.withInitial(ArrayList::new);

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final AfterCommit afterCommit;
    private final boolean linksWithEvents;
    private final EventStorageEngine delegate;
    /** Committed heads (an event's hash never changes once committed); only read for the exact previous sequence. */
    private final Map<String, Link> heads = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
            return size() > REMEMBERED_HEADS;
        }
    });

    /**
     * @param jdbc            the JDBC engine's builder, still to be built: this engine supplies its append statement
     * @param linksWithEvents whether the database runs an INSERT inside {@code WITH} (PostgreSQL; H2 does not)
     */
    public HashChainingStorageEngine(JdbcEventStorageEngine.Builder jdbc, ConnectionProvider connections,
                                     TransactionManager transactions, AfterCommit afterCommit,
                                     boolean linksWithEvents) {
        this.connections = connections;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
        this.linksWithEvents = linksWithEvents;
        this.delegate = jdbc.appendEvents(this::appendStatement).build();
    }

    /**
     * The insert the JDBC engine runs for an append: Axon's own statement (same columns, same serialization, the
     * timestamp as Axon's default writes it), remembering each row's bytes for the chain, and on PostgreSQL
     * inserting each event's link in the same statement.
     */
    private PreparedStatement appendStatement(Connection connection, EventSchema schema, Class<?> dataType,
                                              List<? extends EventMessage<?>> events, Serializer serializer,
                                              TimestampWriter timestampWriter) throws SQLException {
        String insertEvent = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?)";
        List<Bound> bound = BOUND.get();
        bound.clear();
        Map<String, Link> batch = new HashMap<>();
        PreparedStatement statement = connection.prepareStatement(
                linksWithEvents ? "WITH appended AS (" + insertEvent + ") " + INSERT_LINK : insertEvent);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String timeStamp = DateTimeUtils.formatInstant(event.getTimestamp());
            StoredEvent stored = new StoredEvent(event.getAggregateIdentifier(), event.getSequenceNumber(),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    metaData.getData(), timeStamp);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timeStamp);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            String hash = null;
            if (linksWithEvents) {
                String previous = previousHash(connection, stored, batch);
                hash = EventHash.of(previous, stored);
                batch.put(stored.aggregateIdentifier(), new Link(stored.sequenceNumber(), hash));
                bindLink(statement, 10, stored, previous, hash);
            }
            statement.addBatch();
            bound.add(new Bound(stored, hash));
        }
        return statement;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        // Joins the unit of work's transaction when there is one: events and chain commit or roll back together.
        transactions.executeInTransaction(() -> {
            try {
                delegate.appendEvents(events);
                List<Bound> appended = List.copyOf(BOUND.get());
                if (appended.isEmpty()) {
                    throw new EventStoreException(
                            "the append statement bound no events: is this engine's statement in use?");
                }
                Map<String, Link> written = linksWithEvents ? linked(appended) : chain(appended);
                afterCommit.run(() -> heads.putAll(written));
            } finally {
                BOUND.get().clear();
            }
        });
    }

    /** The heads the append's own statement linked. */
    private static Map<String, Link> linked(List<Bound> appended) {
        Map<String, Link> written = new LinkedHashMap<>();
        for (Bound bound : appended) {
            written.put(bound.event().aggregateIdentifier(), new Link(bound.event().sequenceNumber(), bound.hash()));
        }
        return written;
    }

    /** Inserts the appended events' links in a batch of their own; returns the heads written. */
    private Map<String, Link> chain(List<Bound> appended) {
        List<StoredEvent> ordered = appended.stream().map(Bound::event)
                .sorted(Comparator.comparing(StoredEvent::aggregateIdentifier)
                        .thenComparingLong(StoredEvent::sequenceNumber)).toList();
        Map<String, Link> written = new LinkedHashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_LINK)) {
            for (StoredEvent event : ordered) {
                String previous = previousHash(connection, event, written);
                String hash = EventHash.of(previous, event);
                written.put(event.aggregateIdentifier(), new Link(event.sequenceNumber(), hash));
                bindLink(insert, 1, event, previous, hash);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new EventStoreException("could not write the hash chain of the appended events", e);
        }
        return written;
    }

    /** {@link #INSERT_LINK}'s four parameters, from parameter {@code first} on. */
    private static void bindLink(PreparedStatement statement, int first, StoredEvent event, String previous,
                                 String hash) throws SQLException {
        statement.setString(first, event.aggregateIdentifier());
        statement.setLong(first + 1, event.sequenceNumber());
        statement.setString(first + 2, previous);
        statement.setString(first + 3, hash);
    }

    private String previousHash(Connection connection, StoredEvent event, Map<String, Link> batch)
            throws SQLException {
        if (event.sequenceNumber() == 0) {
            return EventHash.GENESIS;
        }
        long before = event.sequenceNumber() - 1;
        for (Link known : new Link[] {batch.get(event.aggregateIdentifier()), heads.get(event.aggregateIdentifier())}) {
            if (known != null && known.sequence() == before) {
                return known.hash();
            }
        }
        try (PreparedStatement query = connection.prepareStatement(READ_HASH)) {
            query.setString(1, event.aggregateIdentifier());
            query.setLong(2, before);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return row.getString(1);
                }
            }
        }
        // Only a stream stored before the chain existed (or whose chain row was deleted) gets here. Refusing the
        // append would lock the metric forever; the verifier reports the gap at the missing entry instead.
        LOG.warnf("no chain entry for %s #%d: chaining #%d from the genesis hash", event.aggregateIdentifier(),
                before, event.sequenceNumber());
        return EventHash.GENESIS;
    }

    private record Link(long sequence, String hash) {
    }

    /** An event as its statement bound it, with the hash of the link bound beside it (null when links come after). */
    private record Bound(StoredEvent event, String hash) {
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
}
