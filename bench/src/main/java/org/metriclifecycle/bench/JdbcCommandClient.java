package org.metriclifecycle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Raw baseline B1: the logical work of a service command done by hand in one JDBC transaction, on a copy of the
 * service's schema. For every command of the {@link CommandScript}: read the metric's stream (every column of its
 * events, by aggregate, in sequence order), insert the event rows (a proposal: the team's admission too) and their
 * {@code event_chain} links (SHA-256 as the service computes it, the previous hash remembered as the service's cache
 * of committed heads does), insert (proposal) or update the {@code metric_view} row (the JSON document of the view's
 * shape, status, last sequence) and insert a {@code metric_history} row; then commit. No validation, no HTTP, no
 * idempotency record, no deadline rows, no team view, no outbox rows: what the service adds on top of this is its
 * own cost.
 */
final class JdbcCommandClient implements Step, AutoCloseable {

    private static final String READ_STREAM = "SELECT global_index, aggregate_identifier, sequence_number, "
            + "payload_type, payload_revision, payload, meta_data, time_stamp FROM domain_event_entry "
            + "WHERE aggregate_identifier = ? ORDER BY sequence_number";
    private static final String INSERT_EVENT = "INSERT INTO domain_event_entry (" + EventRow.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINK = "INSERT INTO event_chain (aggregate_identifier, sequence_number, "
            + "previous_hash, hash) VALUES (?, ?, ?, ?)";
    private static final String INSERT_VIEW = "INSERT INTO metric_view (metric_id, team, owner, status, proposed_at, "
            + "last_sequence, document) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_VIEW = "UPDATE metric_view SET status = ?, last_sequence = ?, document = ? "
            + "WHERE metric_id = ?";
    private static final String INSERT_HISTORY = "INSERT INTO metric_history (metric_id, sequence_number, event_type, "
            + "occurred_at, actor, reason, changes) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final PreparedStatement readStream;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertLink;
    private final PreparedStatement insertView;
    private final PreparedStatement updateView;
    private final PreparedStatement insertHistory;
    private final CommandScript script;
    private final Map<String, String> heads = new HashMap<>();
    private String metricId;
    private String hypothesisId;
    private long sequence;
    private ObjectNode document;
    private ArrayNode changes;

    JdbcCommandClient(Database database, String teamPrefix) throws SQLException {
        this.connection = database.connect();
        connection.setAutoCommit(false);
        this.readStream = connection.prepareStatement(READ_STREAM);
        this.insertEvent = connection.prepareStatement(INSERT_EVENT);
        this.insertLink = connection.prepareStatement(INSERT_LINK);
        this.insertView = connection.prepareStatement(INSERT_VIEW);
        this.updateView = connection.prepareStatement(UPDATE_VIEW);
        this.insertHistory = connection.prepareStatement(INSERT_HISTORY);
        this.script = new CommandScript(teamPrefix);
    }

    @Override
    public boolean run() throws Exception {
        Instant now = StoredEvents.tick(Instant.now());
        CommandScript.Command command = script.next();
        if (command == CommandScript.Command.PROPOSE) {
            metricId = UUID.randomUUID().toString();
            hypothesisId = UUID.randomUUID().toString();
            sequence = 0;
        }
        readStream(metricId);
        List<EventRow> rows = switch (command) {
            case PROPOSE -> List.of(SyntheticMetrics.admission(script.team(), metricId, script.metricsInTeam(), now),
                    SyntheticMetrics.proposal(metricId, script.team(), 0, now));
            case LINK -> List.of(SyntheticMetrics.hypothesis(metricId, hypothesisId, now));
            case CORRELATE -> List.of(SyntheticMetrics.correlation(metricId, hypothesisId, sequence, now));
        };
        for (EventRow row : rows) {
            bindEvent(row);
            insertEvent.addBatch();
            String previous = row.sequenceNumber() == 0 ? ChainHash.GENESIS
                    : heads.getOrDefault(row.aggregateIdentifier(), ChainHash.GENESIS);
            String hash = ChainHash.of(previous, row);
            heads.put(row.aggregateIdentifier(), hash);
            insertLink.setString(1, row.aggregateIdentifier());
            insertLink.setLong(2, row.sequenceNumber());
            insertLink.setString(3, previous);
            insertLink.setString(4, hash);
            insertLink.addBatch();
        }
        insertEvent.executeBatch();
        insertLink.executeBatch();
        String status = view(command, now);
        if (command == CommandScript.Command.PROPOSE) {
            insertView.setString(1, metricId);
            insertView.setString(2, script.team());
            insertView.setString(3, "ada");
            insertView.setString(4, status);
            insertView.setTimestamp(5, Timestamp.from(now));
            insertView.setLong(6, sequence);
            insertView.setString(7, StoredEvents.MAPPER.writeValueAsString(document));
            insertView.executeUpdate();
        } else {
            updateView.setString(1, status);
            updateView.setLong(2, sequence);
            updateView.setString(3, StoredEvents.MAPPER.writeValueAsString(document));
            updateView.setString(4, metricId);
            updateView.executeUpdate();
        }
        insertHistory.setString(1, metricId);
        insertHistory.setLong(2, sequence);
        insertHistory.setString(3, command == CommandScript.Command.PROPOSE ? "MetricProposed"
                : command == CommandScript.Command.LINK ? "HypothesisLinked" : "CorrelationRecorded");
        insertHistory.setTimestamp(4, Timestamp.from(now));
        insertHistory.setString(5, "ada");
        insertHistory.setString(6, null);
        insertHistory.setString(7, StoredEvents.MAPPER.writeValueAsString(changes));
        insertHistory.executeUpdate();
        connection.commit();
        sequence++;
        script.done();
        return true;
    }

    /** Reads every column of the stream's events, as loading an aggregate from the store does. */
    private void readStream(String aggregate) throws SQLException {
        readStream.setString(1, aggregate);
        try (ResultSet row = readStream.executeQuery()) {
            while (row.next()) {
                row.getLong(1);
                row.getString(2);
                row.getLong(3);
                row.getString(4);
                row.getString(5);
                row.getBytes(6);
                row.getBytes(7);
                row.getString(8);
            }
        }
    }

    /**
     * The view document after the command (the view's shape, about 1.5 KB after a proposal, a link and 3 correlations,
     * where the service's is 1.2 KB), and its status; {@link #changes} becomes the history row's change list (what
     * was added, and the status before and after: 0.3 to 0.5 KB, where the service's are 0.6 to 1.2 KB).
     */
    private String view(CommandScript.Command command, Instant now) {
        String statusBefore = document == null || command == CommandScript.Command.PROPOSE ? null
                : document.get("status").asText();
        changes = StoredEvents.MAPPER.createArrayNode();
        switch (command) {
            case PROPOSE -> {
                document = StoredEvents.MAPPER.createObjectNode();
                document.put("metricId", metricId).put("name", "bench metric").put("team", script.team())
                        .put("owner", "ada").put("status", "PROPOSED")
                        .put("description", "share of answers with a claim the sources do not support")
                        .put("version", "1.0").put("validFor", "English support chat")
                        .put("rationale", "users report wrong answers").put("proposedAt", now.toString())
                        .put("linkDeadline", now.plusSeconds(42 * 86_400).toString()).put("lastSequence", 0);
                document.putArray("hypotheses");
                document.putArray("correlations");
                document.putNull("revalidationDue");
                changes.addObject().put("path", "").putNull("before").set("after", document.deepCopy());
            }
            case LINK -> {
                ObjectNode hypothesis = ((ArrayNode) document.get("hypotheses")).addObject();
                hypothesis.put("hypothesisId", hypothesisId).put("outcome", "user-reported errors")
                        .put("statement", "correlates at r >= 0.5 with user-reported errors over >= 100 sessions")
                        .put("direction", Evidence.DIRECTION).put("minCorrelation", Evidence.MIN_CORRELATION)
                        .put("minSampleSize", Evidence.MIN_SAMPLE_SIZE).put("verdict", "UNTESTED");
                document.put("status", "LINKED");
                changes.addObject().put("path", "hypotheses/0").putNull("before").set("after", hypothesis);
            }
            case CORRELATE -> {
                Evidence evidence = Evidence.nth(script.correlation());
                ObjectNode correlation = ((ArrayNode) document.get("correlations")).addObject();
                correlation.put("correlationId", UUID.randomUUID().toString()).put("hypothesisId", hypothesisId)
                        .put("coefficient", evidence.coefficient()).put("sampleSize", evidence.sampleSize())
                        .put("periodStart", "2026-01-01").put("periodEnd", "2026-01-31").put("method", "PEARSON")
                        .put("source", "eval-pipeline").put("verdict", evidence.verdict().name())
                        .put("recordedAt", now.toString());
                if (evidence.verdict() == org.metriclifecycle.events.Verdict.SUPPORTED) {
                    document.put("status", "VALIDATED");
                }
                changes.addObject().put("path", "correlations/" + script.correlation()).putNull("before")
                        .set("after", correlation);
            }
        }
        if (statusBefore != null && !statusBefore.equals(document.get("status").asText())) {
            changes.addObject().put("path", "status").put("before", statusBefore)
                    .put("after", document.get("status").asText());
        }
        document.put("lastSequence", sequence);
        return document.get("status").asText();
    }

    private void bindEvent(EventRow row) throws SQLException {
        insertEvent.setString(1, row.aggregateIdentifier());
        insertEvent.setLong(2, row.sequenceNumber());
        insertEvent.setString(3, row.type());
        insertEvent.setString(4, row.eventIdentifier());
        insertEvent.setBytes(5, row.metaData());
        insertEvent.setBytes(6, row.payload());
        insertEvent.setString(7, row.payloadRevision());
        insertEvent.setString(8, row.payloadType());
        insertEvent.setString(9, row.timeStamp());
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
