package org.metriclifecycle.deploy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.WebhookReceiver;

/** The dispatcher and the sender against a real local receiver, with the outbox's rules in memory. */
class DeliveryDispatcherTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String SECRET = "whsec_test-secret";
    private static final String BODY = "{\"deliveryId\":\"d\",\"summary\":\"Metric \\\"é\\\" was deprecated\"}";

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final MutableClock clock = new MutableClock(T0);
    private final DeliveryDispatcher dispatcher = new DeliveryDispatcher(outbox,
            new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(1)),
            new RetryPolicy(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30)), 3), clock,
            Duration.ofSeconds(60), 20);

    DeliveryDispatcherTest() throws Exception {
        outbox.secret("w-1", SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private NewDelivery enqueue(String url) {
        NewDelivery delivery = new NewDelivery(UUID.randomUUID().toString(), "w-1", "search", "metric.deprecated",
                "event:" + UUID.randomUUID(), "m-1", url, BODY, clock.instant());
        outbox.enqueue(delivery);
        return delivery;
    }

    @Test
    void sendsTheStoredBodySignedWithTheSubscriptionsHeaders() {
        NewDelivery delivery = enqueue(receiver.url("/ok"));

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        WebhookReceiver.Received request = receiver.received("/ok").get(0);
        assertThat(request.text()).isEqualTo(BODY);
        assertThat(request.signedWith(SECRET)).isTrue();
        assertThat(request.header("X-Metrics-Signature")).isEqualTo(WebhookSignature.sign(SECRET, request.body()));
        assertThat(request.header("X-Metrics-Event")).isEqualTo("metric.deprecated");
        assertThat(request.header("X-Metrics-Delivery")).isEqualTo(delivery.deliveryId());
        assertThat(request.header("X-Metrics-Timestamp")).isEqualTo("2026-03-01T09:00:00.000Z");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        InMemoryOutbox.Row row = outbox.rows().get(0);
        assertThat(row.status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastStatusCode).isEqualTo(200);
        assertThat(row.lastError).isNull();
        assertThat(row.nextAttemptAt).isNull();
        assertThat(dispatcher.dispatchDue()).as("nothing left to send").isZero();
    }

    @Test
    void retriesAfterEachStepOfTheBackoffAndGivesUpAfterTheLastAttempt() {
        receiver.answer("/flaky", 500, 503, 502);
        enqueue(receiver.url("/flaky"));
        InMemoryOutbox.Row row = outbox.rows().get(0);

        dispatcher.dispatchDue();
        assertThat(row.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row.lastStatusCode).isEqualTo(500);
        assertThat(row.lastError).isEqualTo("HTTP 500");
        assertThat(row.nextAttemptAt).isEqualTo(T0.plusSeconds(10));

        clock.advance(Duration.ofSeconds(9));
        assertThat(dispatcher.dispatchDue()).as("not due before its backoff").isZero();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(row.attempts).isEqualTo(2);
        assertThat(row.nextAttemptAt).isEqualTo(T0.plusSeconds(10 + 30));

        clock.advance(Duration.ofSeconds(30));
        dispatcher.dispatchDue();
        assertThat(row.status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(row.attempts).isEqualTo(3);
        assertThat(row.lastStatusCode).isEqualTo(502);
        assertThat(row.nextAttemptAt).isNull();
        assertThat(receiver.received("/flaky")).hasSize(3)
                .allSatisfy(request -> assertThat(request.text()).isEqualTo(BODY))
                .extracting(request -> request.header("X-Metrics-Delivery")).containsOnly(row.delivery.deliveryId());
    }

    @Test
    void aSuccessAfterFailuresIsDelivered() {
        receiver.answer("/flaky", 500, 500);
        enqueue(receiver.url("/flaky"));

        for (int round = 0; round < 3; round++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(30));
        }

        InMemoryOutbox.Row row = outbox.rows().get(0);
        assertThat(row.status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(row.attempts).isEqualTo(3);
        assertThat(row.lastStatusCode).isEqualTo(200);
    }

    @Test
    void anUnreachableReceiverIsAFailedAttemptWithoutAStatus() throws Exception {
        enqueue(WebhookReceiver.unreachableUrl());

        dispatcher.dispatchDue();

        InMemoryOutbox.Row row = outbox.rows().get(0);
        assertThat(row.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row.lastStatusCode).isNull();
        assertThat(row.lastError).startsWith("ConnectException");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() {
        receiver.hang("/slow", Duration.ofSeconds(5));
        enqueue(receiver.url("/slow"));
        long started = System.nanoTime();

        dispatcher.dispatchDue();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(outbox.rows().get(0).lastError).startsWith("HttpTimeoutException");
    }

    @Test
    void aRedirectIsNotFollowed() {
        receiver.answer("/moved", 302);
        enqueue(receiver.url("/moved"));

        dispatcher.dispatchDue();

        assertThat(outbox.rows().get(0).lastStatusCode).isEqualTo(302);
        assertThat(outbox.rows().get(0).status).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void aRemovedSubscriptionsDeliveriesFailWithoutBeingSent() {
        NewDelivery orphan = new NewDelivery("d-1", "w-gone", "search", "metric.deprecated", "event:e", "m-1",
                receiver.url("/gone"), BODY, clock.instant());
        outbox.enqueue(orphan);

        dispatcher.dispatchDue();

        assertThat(receiver.received("/gone")).isEmpty();
        assertThat(outbox.rows().get(0).status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outbox.rows().get(0).lastError).isEqualTo("subscription removed");
    }

    /** Time that moves only when a test says so. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
