package org.metriclifecycle.bench;

/** One row of the service's {@code domain_event_entry}, every column but the global index (the sequence's). */
record EventRow(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                byte[] metaData, byte[] payload, String payloadRevision, String payloadType, String timeStamp) {

    static final String COLUMNS = "aggregate_identifier, sequence_number, type, event_identifier, meta_data, "
            + "payload, payload_revision, payload_type, time_stamp";
}
