package org.metriclifecycle.deploy.webhooks;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Outbound webhooks (docs/webhooks.md "Webhooks"); ISO-8601 durations, so tests can retry within seconds. */
@ConfigMapping(prefix = "metrics.webhooks")
public interface WebhooksConfig {

    /** Off: nothing is enqueued or sent (subscriptions can still be managed); events meanwhile are never notified. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the outbox is checked for due deliveries (retries, and deliveries another instance enqueued and could
     * not send); one enqueued in this process is sent right after its commit anyway.
     */
    @WithDefault("PT30S")
    Duration pollInterval();

    /** How often active metrics are checked for revalidations and link deadlines coming due. */
    @WithDefault("PT1M")
    Duration scanInterval();

    /** How far ahead a revalidation or link deadline is announced. */
    @WithDefault("P7D")
    Duration leadTime();

    /** The waits after the 1st, 2nd, ... failed attempt; the last one repeats. */
    @WithDefault("PT10S,PT30S,PT2M,PT10M,PT1H")
    List<Duration> backoff();

    /** Attempts in all before a delivery is FAILED. */
    @WithDefault("6")
    int maxAttempts();

    @WithDefault("PT3S")
    Duration connectTimeout();

    /** How long a receiver has to answer once connected. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** Deliveries taken per round; they are sent side by side. */
    @WithDefault("20")
    int batchSize();

    /** How long DELIVERED and FAILED deliveries stay in the log (longer than the lead time, so no warning repeats). */
    @WithDefault("P30D")
    Duration logRetention();
}
