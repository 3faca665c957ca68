package org.metriclifecycle.deploy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.FreshPostgres;
import org.metriclifecycle.deploy.support.PackagedService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A link-window deadline that falls due while the packaged service is down fires once it is back: the metric
 * is deprioritized exactly once, by the system.
 */
class DeadlineSurvivesRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeadlineDueWhileTheServiceWasDownFiresExactlyOnceAfterRestart() throws Exception {
        try (FreshPostgres database = FreshPostgres.create()) {
            Map<String, String> config = new HashMap<>(database.serviceConfig());
            config.put("metrics.lifecycle.link-window", "PT6S");
            config.put("metrics.auth.mode", "basic");
            Path log = Path.of("target", "restart-it", "service.log");

            String metricId;
            Instant linkDeadline;
            try (PackagedService service = new PackagedService(config, log).start()) {
                var created = service.post("/api/v1/metrics",
                        "{\"name\":\"passes held-out unit tests\",\"team\":\"search\",\"owner\":\"ada\"}");
                assertThat(created.statusCode()).isEqualTo(201);
                metricId = JSON.readTree(created.body()).get("metricId").asText();
                JsonNode view = JSON.readTree(service.get("/api/v1/metrics/" + metricId).body());
                linkDeadline = Instant.parse(view.get("linkDeadline").asText());
                assertThat(view.get("status").asText()).isEqualTo("PROPOSED");
            }

            // The deadline falls due while no instance runs.
            long wait = Duration.between(Instant.now(), linkDeadline).toMillis() + 1_000;
            Thread.sleep(Math.max(0, wait));
            assertThat(deprioritizedEvents(database, metricId)).isZero();

            try (PackagedService service = new PackagedService(config, log).start()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                String status = "";
                while (System.nanoTime() < deadline && !status.equals("DEPRIORITIZED")) {
                    status = JSON.readTree(service.get("/api/v1/metrics/" + metricId).body()).get("status").asText();
                    Thread.sleep(250);
                }
                assertThat(status).isEqualTo("DEPRIORITIZED");
                // Give a duplicate firing every chance to show itself.
                Thread.sleep(3_000);
                JsonNode history = JSON.readTree(service.get("/api/v1/metrics/" + metricId + "/history").body());
                List<JsonNode> deprioritized = new java.util.ArrayList<>();
                history.forEach(entry -> {
                    if (entry.get("type").asText().equals("MetricDeprioritized")) {
                        deprioritized.add(entry);
                    }
                });
                assertThat(deprioritized).hasSize(1);
                assertThat(deprioritized.get(0).get("actor").asText()).isEqualTo("system");
            }

            try (PackagedService service = new PackagedService(config, log).start()) {
                Thread.sleep(3_000);
            }
            assertThat(deprioritizedEvents(database, metricId)).isEqualTo(1);
        }
    }

    private static int deprioritizedEvents(FreshPostgres database, String metricId) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                     + metricId + "' AND payload_type LIKE '%MetricDeprioritized'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
