package org.metriclifecycle.deploy.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.metriclifecycle.deploy.support.PackagedService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compares what clients were told, what the event store holds and what the read models show, after a fault: every
 * acknowledged write is stored exactly once; every stream is dense (sequences 0..n-1); every metric view, history and
 * team view has applied exactly its stream's events, once; no read model exists without its events; and the API
 * answers each metric with exactly its stored hypotheses, their latest correlations, and one history entry per event.
 */
final class ProjectionAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens a connection to the service's database, as its owner. */
    @FunctionalInterface
    interface Database {
        Connection connect() throws SQLException;
    }

    private ProjectionAudit() {
    }

    /** Repeats the whole audit until it finds nothing wrong, or answers what was still wrong when time ran out. */
    static List<String> awaitClean(Database database, PackagedService service, List<ClientLoad.Ack> acks,
                                   Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> problems;
            try (Connection connection = database.connect()) {
                StoredEvents store = StoredEvents.read(connection);
                problems = new ArrayList<>(acknowledgedOnce(store, acks));
                problems.addAll(readModels(connection, store));
                if (problems.isEmpty()) {
                    problems.addAll(api(service, store));
                }
            }
            if (problems.isEmpty() || System.nanoTime() > deadline) {
                return problems.size() > 20 ? problems.subList(0, 20) : problems;
            }
            Thread.sleep(500);
        }
    }

    /** Every acknowledged write is in the event store, exactly once (an id the store holds twice is a double). */
    static List<String> acknowledgedOnce(StoredEvents store, List<ClientLoad.Ack> acks) {
        Map<String, Long> occurrences = new HashMap<>();
        for (StoredEvents.Event event : store.all()) {
            String id = switch (event.type()) {
                case "MetricProposed" -> event.payload().path("metricId").asText();
                case "HypothesisLinked" -> event.payload().path("hypothesisId").asText();
                case "CorrelationRecorded" -> event.payload().path("correlationId").asText();
                default -> null;
            };
            if (id != null) {
                occurrences.merge(event.type() + " " + event.stream() + " " + id, 1L, Long::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        for (ClientLoad.Ack ack : acks) {
            String type = switch (ack.kind()) {
                case "metric" -> "MetricProposed";
                case "hypothesis" -> "HypothesisLinked";
                default -> "CorrelationRecorded";
            };
            long stored = occurrences.getOrDefault(type + " " + ack.metricId() + " " + ack.id(), 0L);
            if (stored != 1) {
                problems.add("acknowledged " + ack.kind() + " " + ack.id() + " of metric " + ack.metricId() + " is "
                        + stored + " times in the event store");
            }
        }
        occurrences.forEach((event, count) -> {
            if (count > 1) {
                problems.add(event + " is stored " + count + " times");
            }
        });
        return problems;
    }

    /** Each stream dense, and each read model table at exactly its stream's events; none without a stream. */
    static List<String> readModels(Connection connection, StoredEvents store) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, Long> metricViews = longs(connection, "SELECT metric_id, last_sequence FROM metric_view");
        Map<String, Long> teamViews = longs(connection, "SELECT 'team:' || team, last_sequence FROM team_view");
        Map<String, List<Long>> history = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT metric_id, sequence_number FROM metric_history "
                     + "ORDER BY metric_id, sequence_number")) {
            while (rows.next()) {
                history.computeIfAbsent(rows.getString(1), m -> new ArrayList<>()).add(rows.getLong(2));
            }
        }
        Map<String, TreeSet<Long>> streams = store.sequences();
        Map<String, Long> eventCounts = store.all().stream()
                .collect(Collectors.groupingBy(StoredEvents.Event::stream, Collectors.counting()));
        for (Map.Entry<String, TreeSet<Long>> stream : streams.entrySet()) {
            String id = stream.getKey();
            TreeSet<Long> sequences = stream.getValue();
            if (sequences.first() != 0 || sequences.last() != sequences.size() - 1
                    || eventCounts.get(id) != sequences.size()) {
                problems.add(id + " is not dense: " + sequences + " in " + eventCounts.get(id) + " events");
            }
            if (id.startsWith("team:")) {
                if (!Long.valueOf(sequences.last()).equals(teamViews.get(id))) {
                    problems.add(id + ": team view at " + teamViews.get(id) + ", stream at " + sequences.last());
                }
                continue;
            }
            if (!Long.valueOf(sequences.last()).equals(metricViews.get(id))) {
                problems.add(id + ": metric view at " + metricViews.get(id) + ", stream at " + sequences.last());
            }
            if (!new ArrayList<>(sequences).equals(history.get(id))) {
                problems.add(id + ": history rows " + history.get(id) + " for events " + sequences);
            }
        }
        Set<String> phantoms = new HashSet<>(history.keySet());
        phantoms.addAll(metricViews.keySet());
        phantoms.addAll(teamViews.keySet());
        phantoms.removeAll(streams.keySet());
        if (!phantoms.isEmpty()) {
            problems.add("read models of streams that have no events: " + phantoms);
        }
        return problems;
    }

    /**
     * Through the API: each metric's view holds each stored hypothesis once with its latest stored correlation, its
     * history one entry per stored event in order, and each team's counts the metrics proposed in it.
     */
    static List<String> api(PackagedService service, StoredEvents store) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> proposedPerTeam = new HashMap<>();
        for (String metricId : store.sequences().keySet()) {
            if (metricId.startsWith("team:")) {
                continue;
            }
            List<StoredEvents.Event> events = store.ofStream(metricId);
            proposedPerTeam.merge(events.get(0).payload().path("team").asText(), 1, Integer::sum);

            HttpResponse<String> viewAnswer = service.get("/api/v1/metrics/" + metricId);
            if (viewAnswer.statusCode() != 200) {
                problems.add(metricId + ": view answered " + viewAnswer.statusCode());
                continue;
            }
            JsonNode view = JSON.readTree(viewAnswer.body());
            List<String> storedHypotheses = new ArrayList<>();
            Map<String, String> latestCorrelation = new HashMap<>();
            for (StoredEvents.Event event : events) {
                if (event.type().equals("HypothesisLinked")) {
                    storedHypotheses.add(event.payload().path("hypothesisId").asText());
                } else if (event.type().equals("CorrelationRecorded")) {
                    latestCorrelation.put(event.payload().path("hypothesisId").asText(),
                            event.payload().path("correlationId").asText());
                }
            }
            List<String> shownHypotheses = new ArrayList<>();
            for (JsonNode hypothesis : view.path("hypotheses")) {
                String hypothesisId = hypothesis.path("hypothesisId").asText();
                shownHypotheses.add(hypothesisId);
                String shown = hypothesis.path("latestCorrelation").path("correlationId").asText(null);
                if (!Objects.equals(shown, latestCorrelation.get(hypothesisId))) {
                    problems.add(metricId + ": hypothesis " + hypothesisId + " shows correlation " + shown
                            + ", the latest stored is " + latestCorrelation.get(hypothesisId));
                }
            }
            if (!shownHypotheses.equals(storedHypotheses)) {
                problems.add(metricId + ": view shows hypotheses " + shownHypotheses + ", stored " + storedHypotheses);
            }

            JsonNode history = JSON.readTree(service.get("/api/v1/metrics/" + metricId + "/history").body());
            List<String> shownHistory = new ArrayList<>();
            history.forEach(entry -> shownHistory.add(entry.path("sequence").asLong() + " " + entry.path("type").asText()));
            List<String> storedHistory = events.stream().map(e -> e.sequence() + " " + e.type()).toList();
            if (!shownHistory.equals(storedHistory)) {
                problems.add(metricId + ": history " + shownHistory + ", events " + storedHistory);
            }
        }
        for (Map.Entry<String, Integer> team : proposedPerTeam.entrySet()) {
            JsonNode summary = JSON.readTree(service.get("/api/v1/teams/" + team.getKey()).body());
            int byStatus = 0;
            for (JsonNode count : summary.path("countsByStatus")) {
                byStatus += count.asInt();
            }
            if (summary.path("metricsCounted").asInt() != team.getValue() || byStatus != team.getValue()) {
                problems.add("team " + team.getKey() + " counts " + summary.path("metricsCounted").asInt() + " ("
                        + byStatus + " by status), " + team.getValue() + " proposed in the event store");
            }
        }
        return problems;
    }

    private static Map<String, Long> longs(Connection connection, String sql) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return values;
    }
}
