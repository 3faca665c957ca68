package org.metriclifecycle.deploy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.RotationAssignment;
import org.metriclifecycle.events.RotationHandoffReached;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WebhookOutboxTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String DEPRECATED = "metric.deprecated";
    private static final String DEPRIORITIZED = "metric.deprioritized";
    private static final String HANDOFF = "rotation.handoff";

    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final Map<String, MetricFacts> metrics = Map.of(
            "m-1", new MetricFacts("m-1", "groundedness", "search", "lena"),
            "m-2", new MetricFacts("m-2", "helpfulness", "search", "carl"),
            "m-9", new MetricFacts("m-9", "ads ctr", "ads", "ada"));
    private final WebhookOutbox handler = new WebhookOutbox(
            new WebhookFanOut(subscriptions, outbox, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC)),
            id -> Optional.ofNullable(metrics.get(id)));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDeprecationGoesToEachSubscriptionOfTheTeamThatReceivesIt() throws Exception {
        subscriptions.add("w-json", "search", "json", T0.minusSeconds(60), DEPRECATED, HANDOFF);
        subscriptions.add("w-slack", "search", "slack", T0.minusSeconds(60), DEPRECATED);
        subscriptions.add("w-other-kind", "search", "json", T0.minusSeconds(60), HANDOFF);
        subscriptions.add("w-other-team", "ads", "json", T0.minusSeconds(60), DEPRECATED);

        handler.on(new MetricDeprecated("m-1", "replaced by a human rating", "m-2", T0), "e-1", T0);

        assertThat(outbox.deliveries()).extracting(NewDelivery::subscriptionId).containsExactly("w-json", "w-slack");
        NewDelivery delivery = outbox.deliveries().get(0);
        assertThat(delivery.kind()).isEqualTo(DEPRECATED);
        assertThat(delivery.dedupKey()).isEqualTo("event:e-1");
        assertThat(delivery.metricId()).isEqualTo("m-1");
        assertThat(delivery.url()).isEqualTo("https://hooks.example.com/w-json");
        assertThat(delivery.createdAt()).isEqualTo(T0.plusSeconds(1));
        JsonNode body = json.readTree(delivery.body());
        assertThat(body.get("deliveryId").asText()).isEqualTo(delivery.deliveryId());
        assertThat(body.get("summary").asText()).isEqualTo(
                "Metric \"groundedness\" of team search was deprecated: replaced by a human rating (replaced by m-2)");
        assertThat(body.get("data").get("replacedBy").asText()).isEqualTo("m-2");
        assertThat(json.readTree(outbox.deliveries().get(1).body()).get("text").asText())
                .startsWith("Metric \"groundedness\" of team search was deprecated");
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        subscriptions.add("w-1", "search", "json", T0.minusSeconds(60), DEPRIORITIZED);
        MetricDeprioritized event = new MetricDeprioritized("m-1", DeprioritizationRule.LINK_WINDOW_EXPIRED,
                "no supported hypothesis within the link window", T0);

        handler.on(event, "e-1", T0);
        handler.on(event, "e-1", T0);

        assertThat(outbox.deliveries()).hasSize(1);
        assertThat(outbox.deliveries().get(0).kind()).isEqualTo(DEPRIORITIZED);
    }

    @Test
    void aSubscriptionMadeAfterTheEventIsNotToldAboutIt() {
        subscriptions.add("w-late", "search", "json", T0.plusSeconds(5), DEPRECATED);

        handler.on(new MetricDeprecated("m-1", "obsolete", null, T0), "e-1", T0);

        assertThat(outbox.deliveries()).isEmpty();
    }

    @Test
    void anUnknownMetricNotifiesNobodyAndDoesNotFail() {
        subscriptions.add("w-1", "search", "json", T0.minusSeconds(60), DEPRECATED);

        handler.on(new MetricDeprecated("m-unknown", "obsolete", null, T0), "e-1", T0);

        assertThat(outbox.deliveries()).isEmpty();
    }

    @Test
    void aHandoffNamesEachMetricAndItsNewOwner() throws Exception {
        subscriptions.add("w-1", "search", "json", T0.minusSeconds(60), HANDOFF);

        handler.on(new RotationHandoffReached("search", "s-1", 3, T0, List.of(new RotationAssignment("m-1", "carl"),
                new RotationAssignment("m-gone", "lena"))), "e-7", T0);

        JsonNode body = json.readTree(outbox.deliveries().get(0).body());
        assertThat(body.get("kind").asText()).isEqualTo(HANDOFF);
        assertThat(body.get("metricId").isNull()).isTrue();
        assertThat(body.get("summary").asText())
                .isEqualTo("Team search's rotation handoff 3: \"groundedness\" to carl, \"m-gone\" to lena");
        assertThat(body.get("data").get("assignments").get(0).get("metricName").asText()).isEqualTo("groundedness");
        assertThat(body.get("data").get("handoffAt").asText()).isEqualTo("2026-03-01T09:00:00.000Z");
    }

    @Test
    void noHandlerRunsDuringAReplay() {
        for (Method method : WebhookOutbox.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(EventHandler.class)) {
                assertThat(method.isAnnotationPresent(DisallowReplay.class)).as(method.toString()).isTrue();
            }
        }
    }

    @Test
    void shadowCheckConclusionsAndExpiriesGoToTheirSubscribers() throws Exception {
        subscriptions.add("w-shadow", "search", "json", T0.minusSeconds(60), "shadow_check.concluded",
                "shadow_check.expired");
        subscriptions.add("w-other-kind", "search", "json", T0.minusSeconds(60), DEPRECATED);

        handler.on(new org.metriclifecycle.events.ShadowCheckConcluded("m-1", "s-1", -0.01, 4000, null,
                org.metriclifecycle.events.ShadowCheckResult.DIVERGED, T0), "e-1", T0);
        handler.on(new org.metriclifecycle.events.ShadowCheckExpired("m-1", "s-2", T0), "e-2", T0);

        assertThat(outbox.deliveries()).extracting(NewDelivery::kind)
                .containsExactly("shadow_check.concluded", "shadow_check.expired");
        assertThat(outbox.deliveries()).extracting(NewDelivery::subscriptionId).containsOnly("w-shadow");
        JsonNode concluded = json.readTree(outbox.deliveries().get(0).body());
        assertThat(concluded.get("data").get("result").asText()).isEqualTo("DIVERGED");
        assertThat(concluded.get("summary").asText()).contains("shadow check s-1 DIVERGED");
        assertThat(json.readTree(outbox.deliveries().get(1).body()).get("summary").asText())
                .contains("shadow check s-2 expired");
    }
}
