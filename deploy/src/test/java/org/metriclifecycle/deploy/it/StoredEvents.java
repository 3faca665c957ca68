package org.metriclifecycle.deploy.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The event store as the database holds it, read with plain JDBC (the ground truth the read models must match). */
final class StoredEvents {

    record Event(String stream, long sequence, String type, JsonNode payload, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Event> events;

    private StoredEvents(List<Event> events) {
        this.events = events;
    }

    static StoredEvents read(Connection connection) throws SQLException, IOException {
        List<Event> events = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregate_identifier, sequence_number, payload_type, "
                     + "payload, time_stamp FROM domain_event_entry ORDER BY global_index")) {
            while (rows.next()) {
                String type = rows.getString(3);
                events.add(new Event(rows.getString(1), rows.getLong(2), type.substring(type.lastIndexOf('.') + 1),
                        JSON.readTree(new String(rows.getBytes(4), StandardCharsets.UTF_8)),
                        Instant.parse(rows.getString(5))));
            }
        }
        return new StoredEvents(events);
    }

    List<Event> all() {
        return events;
    }

    /** Each stream's sequence numbers. */
    Map<String, TreeSet<Long>> sequences() {
        Map<String, TreeSet<Long>> streams = new HashMap<>();
        for (Event event : events) {
            streams.computeIfAbsent(event.stream(), stream -> new TreeSet<>()).add(event.sequence());
        }
        return streams;
    }

    List<Event> ofStream(String stream) {
        return events.stream().filter(event -> event.stream().equals(stream)).toList();
    }

    boolean has(String stream, String type, String field, String value) {
        return events.stream().anyMatch(event -> event.stream().equals(stream) && event.type().equals(type)
                && event.payload().path(field).asText().equals(value));
    }
}
