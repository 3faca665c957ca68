package org.metriclifecycle.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The raw baseline of a projection rebuild: one reader scans {@code domain_event_entry} in global order and decodes
 * every payload (and its metadata) with Jackson into the event records, and does nothing with them. What a replay
 * adds on top is the processor machinery and the projection's own reads and writes.
 */
final class RawEventScan {

    private static final String SCAN = "SELECT global_index, aggregate_identifier, sequence_number, payload_type, "
            + "payload_revision, payload, meta_data, time_stamp FROM domain_event_entry ORDER BY global_index";

    private RawEventScan() {
    }

    /** @return the number of events decoded */
    static long scan(Database database) throws SQLException, IOException {
        long decoded = 0;
        try (Connection connection = database.connect()) {
            // A cursor, not the whole table in memory.
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement(SCAN)) {
                query.setFetchSize(1_000);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        row.getLong(1);
                        row.getString(2);
                        row.getLong(3);
                        row.getString(5);
                        row.getString(8);
                        Object event = StoredEvents.decode(row.getString(4), row.getBytes(6));
                        StoredEvents.decodeMetaData(row.getBytes(7));
                        if (event != null) {
                            decoded++;
                        }
                    }
                }
            }
            connection.commit();
        }
        return decoded;
    }
}
