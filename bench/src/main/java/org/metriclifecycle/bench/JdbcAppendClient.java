package org.metriclifecycle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The raw baseline of a command: the same client script, but each command only appends the event rows the service
 * would store for it (serialized the same way, into the same table and columns), in one transaction of its own on a
 * connection of its own. A proposal appends two rows, as the service does: the team's admission and the metric's
 * first event. No validation, no aggregate loading, no hash chain, no deadline row, no projection.
 */
final class JdbcAppendClient implements Step, AutoCloseable {

    private static final String INSERT = "INSERT INTO domain_event_entry (" + EventRow.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final PreparedStatement insert;
    private final CommandScript script;
    private String metricId;
    private String hypothesisId;
    private long sequence;

    JdbcAppendClient(Database database, String teamPrefix) throws SQLException {
        this.connection = database.connect();
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
        this.script = new CommandScript(teamPrefix);
    }

    @Override
    public boolean run() throws SQLException {
        Instant now = StoredEvents.tick(Instant.now());
        List<EventRow> rows = switch (script.next()) {
            case PROPOSE -> {
                metricId = UUID.randomUUID().toString();
                hypothesisId = UUID.randomUUID().toString();
                sequence = 0;
                yield List.of(SyntheticMetrics.admission(script.team(), metricId, script.metricsInTeam(), now),
                        SyntheticMetrics.proposal(metricId, script.team(), 0, now));
            }
            case LINK -> List.of(SyntheticMetrics.hypothesis(metricId, hypothesisId, now));
            case CORRELATE -> List.of(SyntheticMetrics.correlation(metricId, hypothesisId, sequence, now));
        };
        for (EventRow row : rows) {
            bind(row);
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
        sequence++;
        script.done();
        return true;
    }

    private void bind(EventRow row) throws SQLException {
        insert.setString(1, row.aggregateIdentifier());
        insert.setLong(2, row.sequenceNumber());
        insert.setString(3, row.type());
        insert.setString(4, row.eventIdentifier());
        insert.setBytes(5, row.metaData());
        insert.setBytes(6, row.payload());
        insert.setString(7, row.payloadRevision());
        insert.setString(8, row.payloadType());
        insert.setString(9, row.timeStamp());
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
