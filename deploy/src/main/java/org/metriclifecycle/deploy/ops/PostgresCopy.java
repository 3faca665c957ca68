package org.metriclifecycle.deploy.ops;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.metriclifecycle.query.rebuild.RebuildWriter;
import org.postgresql.PGConnection;

/**
 * A rebuild batch's new rows through PostgreSQL's {@code COPY ... FROM STDIN} (pgjdbc's CopyManager) in CSV: one
 * round trip and no statement to parse per batch and table. Off by default ({@code metrics.rebuild.copy}): next to
 * multi-row INSERTs it measured within the noise (docs/operations.md "Operating the projections"). Null is CSV's unquoted empty
 * field; every text is quoted.
 */
public final class PostgresCopy implements RebuildWriter.Inserts {

    @Override
    public void insert(Connection connection, String table, String columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object value = row[i];
                if (value == null) {
                    continue;
                }
                if (value instanceof OffsetDateTime at) {
                    csv.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
                } else if (value instanceof Number number) {
                    csv.append(number);
                } else {
                    String text = value.toString();
                    csv.append('"');
                    for (int c = 0; c < text.length(); c++) {
                        char ch = text.charAt(c);
                        if (ch == '"') {
                            csv.append('"');
                        }
                        csv.append(ch);
                    }
                    csv.append('"');
                }
            }
            csv.append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }
}
