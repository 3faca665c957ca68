package org.metriclifecycle.deploy.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domain_event_entry} exactly as stored: the chain hashes these bytes, not the messages Axon
 * serialized, so a checker that reads only the database recomputes the same hashes.
 */
record StoredEvent(String aggregateIdentifier, long sequenceNumber, String payloadType, String payloadRevision,
                   byte[] payload, byte[] metaData, String timeStamp) {

    /** The columns {@link #read(ResultSet)} needs, for a SELECT on {@code domain_event_entry}. */
    static final String COLUMNS = "aggregate_identifier, sequence_number, payload_type, payload_revision, payload, "
            + "meta_data, time_stamp";

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                row.getBytes("meta_data"), row.getString("time_stamp"));
    }
}
