package org.metriclifecycle.query.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a rebuild reads from the event store, on a connection it gives (so inside its own transaction): the
 * implementation owns the event table and decodes events with the service's serializer and upcasters.
 */
public interface EventStoreReads {

    /** Where a scan stops, and what it should find up to there. */
    record Head(long globalIndex, Map<String, Long> lastSequences, long events) {
    }

    /** One page of a scan: its events in global order and the global index of its last row. */
    record Page(List<RebuildEvent> events, long lastGlobalIndex) {
    }

    /** The highest global index now, every stream's last sequence up to it, and how many events that is. */
    Head head(Connection connection) throws SQLException;

    /** Up to {@code size} events with {@code after < global index <= head}, in global order. */
    Page page(Connection connection, long after, long head, int size) throws SQLException;

    /** Each given stream's highest sequence committed now; a stream with no events is absent. */
    Map<String, Long> lastSequences(Connection connection, Collection<String> aggregateIds) throws SQLException;

    /** The stream's events with a sequence above {@code afterSequence}, in stream order. */
    List<RebuildEvent> eventsAfter(Connection connection, String aggregateId, long afterSequence) throws SQLException;
}
