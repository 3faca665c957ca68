package org.metriclifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class WebhookEventsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theStoredJsonListsTheKindsSortedAndHoldsNoSecret() throws Exception {
        WebhookSubscribed subscribed = new WebhookSubscribed("search", "w-1", "https://hooks.example.com/x", "json",
                Set.of("rotation.handoff", "metric.deprecated", "metric.deprioritized"), "sha256:abcd",
                Instant.parse("2026-01-01T00:00:00Z"));

        String text = json.writeValueAsString(subscribed);

        assertThat(text).contains("\"eventKinds\":[\"metric.deprecated\",\"metric.deprioritized\",\"rotation.handoff\"]")
                .contains("\"secretFingerprint\":\"sha256:abcd\"")
                .doesNotContain("\"secret\"");
    }

    @Test
    void wireNamesAreStableAndRoundTrip() {
        assertThat(WebhookEventKind.allWireNames()).containsExactly("metric.deprecated", "metric.deprioritized",
                "metric.link_deadline_due", "metric.revalidation_due", "rotation.handoff", "shadow_check.concluded",
                "shadow_check.expired");
        for (WebhookEventKind kind : WebhookEventKind.values()) {
            assertThat(WebhookEventKind.fromWireName(kind.wireName())).hasValue(kind);
        }
        assertThat(WebhookEventKind.fromWireName("METRIC_DEPRECATED")).isEmpty();
        assertThat(WebhookFormat.fromWireName("slack")).hasValue(WebhookFormat.SLACK);
        assertThat(WebhookFormat.fromWireName("xml")).isEmpty();
    }
}
