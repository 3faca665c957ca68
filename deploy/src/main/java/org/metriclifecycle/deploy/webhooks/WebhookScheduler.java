package org.metriclifecycle.deploy.webhooks;


import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the webhooks' background work on two threads of its own, never on a request's or a processor's: sending due
 * deliveries (every poll interval, and at once when the outbox commits in this process) and scanning for coming
 * deadlines (every scan interval, which also trims the log). A plain executor rather than db-scheduler: the work is
 * safe to run on every replica at once (claims and unique keys decide), and slow receivers must not hold the
 * threads that fire the lifecycle's deadlines.
 */
@Singleton
public class WebhookScheduler {

    private static final Logger LOG = Logger.getLogger(WebhookScheduler.class);
    /** Beyond the sender's own timeouts, so a lease never ends while its attempt can still be running. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final WebhooksConfig config;
    private final Clock clock;
    private final DeliveryDispatcher dispatcher;
    private final DueDateScan scan;
    private final WebhookDeliveries deliveries;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock sending = new ReentrantLock();
    private ScheduledExecutorService executor;

    @Inject
    WebhookScheduler(WebhooksConfig config, Clock clock, WebhookDeliveries deliveries,
                     WebhookSubscriptionStore subscriptions, MetricViewStore metrics) {
        this.config = config;
        this.clock = clock;
        this.deliveries = deliveries;
        this.dispatcher = new DeliveryDispatcher(deliveries,
                new WebhookSender(config.connectTimeout(), config.requestTimeout()),
                new RetryPolicy(config.backoff(), config.maxAttempts()), clock,
                config.connectTimeout().plus(config.requestTimeout()).plus(LEASE_MARGIN), config.batchSize());
        this.scan = new DueDateScan(subscriptions, metrics, new WebhookFanOut(subscriptions, deliveries, clock),
                config.leadTime());
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            LOG.info("webhooks are disabled (metrics.webhooks.enabled=false): nothing is enqueued or sent");
            return;
        }
        executor = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "webhooks");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sendDue, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::scanDeadlines, 0, config.scanInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outbox committed deliveries in this process: send them now rather than at the next poll. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && !running.isShutdown()) {
            try {
                running.execute(this::sendDue);
            } catch (RuntimeException rejected) {
                // Shutting down: the next start polls anyway.
            }
        }
    }

    /**
     * One sender at a time per process; a wake-up that finds it busy leaves a request it picks up before it stops,
     * so a delivery enqueued mid-round is not left for the next poll.
     */
    private void sendDue() {
        requested.set(true);
        while (requested.get() && sending.tryLock()) {
            try {
                requested.set(false);
                int taken;
                do {
                    taken = dispatcher.dispatchDue();
                } while (taken == dispatcher.batchSize()); // a full batch: more may be due right now
            } catch (RuntimeException e) {
                LOG.warnf("webhook deliveries not sent this round: %s", e.getMessage());
            } finally {
                sending.unlock();
            }
        }
    }

    private void scanDeadlines() {
        try {
            int added = QuarkusTransaction.requiringNew().call(() -> scan.run(clock.instant()));
            deliveries.purgeFinishedBefore(clock.instant().minus(config.logRetention()));
            if (added > 0) {
                sendDue();
            }
        } catch (RuntimeException e) {
            LOG.warnf("coming deadlines not scanned this round: %s", e.getMessage());
        }
    }
}
