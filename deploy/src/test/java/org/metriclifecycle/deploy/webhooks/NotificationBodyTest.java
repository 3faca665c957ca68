package org.metriclifecycle.deploy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.WebhookEventKind;
import org.metriclifecycle.events.WebhookFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class NotificationBodyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    private static Notification deprecated() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("metricName", "groundedness");
        data.put("reason", "replaced by <human> rating & review");
        data.put("replacedBy", null);
        return new Notification(WebhookEventKind.METRIC_DEPRECATED, "search", "m-1", T0,
                "Metric \"groundedness\" of team search was deprecated: replaced by <human> rating & review", data);
    }

    @Test
    void theJsonDocumentCarriesTheDeliveryIdKindTeamMetricTimeSummaryAndData() throws Exception {
        String body = NotificationBody.render(deprecated(), "d-1", WebhookFormat.JSON);

        assertThat(body).startsWith("{\"deliveryId\":\"d-1\",\"kind\":\"metric.deprecated\",\"team\":\"search\","
                + "\"metricId\":\"m-1\",\"occurredAt\":\"2026-03-01T09:00:00.000Z\",\"summary\":");
        JsonNode document = json.readTree(body);
        assertThat(document.get("data").get("reason").asText()).isEqualTo("replaced by <human> rating & review");
        assertThat(document.get("data").has("replacedBy")).as("nulls are kept: the shape is stable").isTrue();
    }

    @Test
    void aTeamWideNotificationHasANullMetric() throws Exception {
        Notification handoff = new Notification(WebhookEventKind.ROTATION_HANDOFF, "search", null, T0, "handoff",
                Map.of());

        assertThat(json.readTree(NotificationBody.render(handoff, "d-2", WebhookFormat.JSON)).get("metricId").isNull())
                .isTrue();
    }

    @Test
    void slackGetsOnlyATextWithItsMarkupCharactersEscaped() throws Exception {
        JsonNode message = json.readTree(NotificationBody.render(deprecated(), "d-1", WebhookFormat.SLACK));

        assertThat(message.size()).isEqualTo(1);
        assertThat(message.get("text").asText()).isEqualTo(
                "Metric \"groundedness\" of team search was deprecated: replaced by &lt;human&gt; rating &amp; review");
    }
}
