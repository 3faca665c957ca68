package org.metriclifecycle.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads event rows straight into {@code domain_event_entry} with {@code COPY} (the global index comes from the
 * table's own sequence, so it stays dense and ordered), in one transaction. Hash-chain rows are not written: the
 * service does not need them to read these streams or to append to them (it logs a warning and chains the next
 * event from the genesis hash), only {@code /history/verify} would report the missing links.
 */
final class EventCopy {

    private static final String COPY = "COPY domain_event_entry (" + EventRow.COLUMNS
            + ") FROM STDIN WITH (FORMAT csv)";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int FLUSH_AT = 1 << 20;

    private EventCopy() {
    }

    static long copy(Database database, Iterator<EventRow> rows) throws SQLException {
        try (Connection connection = database.connect()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            long count = 0;
            Buffer buffer = new Buffer();
            try {
                while (rows.hasNext()) {
                    buffer.row(rows.next());
                    count++;
                    if (buffer.length > FLUSH_AT) {
                        copy.writeToCopy(buffer.bytes, 0, buffer.length);
                        buffer.length = 0;
                    }
                }
                copy.writeToCopy(buffer.bytes, 0, buffer.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return count;
        }
    }

    /** One CSV line per row; byte columns in PostgreSQL's hex form, which CSV carries unquoted. */
    private static final class Buffer {
        byte[] bytes = new byte[FLUSH_AT * 2];
        int length;

        void row(EventRow row) {
            text(row.aggregateIdentifier()).comma();
            text(Long.toString(row.sequenceNumber())).comma();
            text(row.type()).comma();
            text(row.eventIdentifier()).comma();
            hex(row.metaData()).comma();
            hex(row.payload()).comma();
            text(row.payloadRevision()).comma();
            text(row.payloadType()).comma();
            text(row.timeStamp());
            put((byte) '\n');
        }

        private Buffer text(String value) {
            // Ids, class names and timestamps hold no comma, quote or line break: no quoting needed.
            if (value != null) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
            }
            return this;
        }

        private Buffer hex(byte[] value) {
            ensure(2 + value.length * 2);
            bytes[length++] = '\\';
            bytes[length++] = 'x';
            for (byte b : value) {
                bytes[length++] = HEX[(b >> 4) & 0xf];
                bytes[length++] = HEX[b & 0xf];
            }
            return this;
        }

        private void comma() {
            put((byte) ',');
        }

        private void put(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
