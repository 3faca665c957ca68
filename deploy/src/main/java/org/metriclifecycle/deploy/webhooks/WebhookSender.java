package org.metriclifecycle.deploy.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.metriclifecycle.query.metric.ViewJson;

/**
 * Sends one delivery: a POST of its stored body, signed with the subscription's secret. Short timeouts, no
 * redirects followed (a receiver cannot bounce the service elsewhere), and the answer's body is never read into the
 * log: only its status code is kept.
 */
public final class WebhookSender {

    static final String USER_AGENT = "metric-lifecycle-webhooks/1";

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    // Made at the first delivery: building one sets up TLS (some hundred classes) and a selector thread, which a
    // service without subscriptions would pay for at every start.
    private volatile HttpClient client;

    public WebhookSender(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            // Plain HTTP/1.1: receivers behind simple servers choke on an h2c upgrade request.
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }

    /** Never completes exceptionally: a failure is an {@link AttemptResult} like any answer. */
    public CompletableFuture<AttemptResult> send(ClaimedDelivery delivery, Instant sentAt) {
        HttpRequest request;
        try {
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), body))
                    .header(WebhookSignature.EVENT_HEADER, delivery.kind())
                    .header(WebhookSignature.DELIVERY_HEADER, delivery.deliveryId())
                    .header(WebhookSignature.TIMESTAMP_HEADER, ViewJson.INSTANT_FORMAT.format(sentAt))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException unusable) {
            return CompletableFuture.completedFuture(AttemptResult.failed("unusable URL: " + unusable.getMessage()));
        }
        return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null ? AttemptResult.answered(response.statusCode())
                        : AttemptResult.failed(describe(failure)));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
