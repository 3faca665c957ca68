package org.metriclifecycle.deploy.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One round of sending: take the due deliveries, send them side by side, and record each outcome under the retry
 * policy (2xx: DELIVERED; anything else: PENDING until the next step of the backoff, FAILED after the last attempt).
 */
public final class DeliveryDispatcher {

    private final DeliveryLedger ledger;
    private final WebhookSender sender;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;

    /**
     * @param lease how long a taken delivery is reserved: longer than any attempt can take (the sender's timeouts),
     *              short enough that a delivery whose sender died is soon due again
     */
    public DeliveryDispatcher(DeliveryLedger ledger, WebhookSender sender, RetryPolicy policy, Clock clock,
                              Duration lease, int batchSize) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.batchSize = batchSize;
    }

    /** @return how many deliveries this round took (a full batch means more may be due) */
    public int dispatchDue() {
        Instant now = clock.instant();
        List<ClaimedDelivery> claimed = ledger.claimDue(now, batchSize, now.plus(lease));
        List<CompletableFuture<AttemptResult>> attempts = new ArrayList<>();
        for (ClaimedDelivery delivery : claimed) {
            attempts.add(delivery.secret() == null
                    ? CompletableFuture.completedFuture(AttemptResult.failed("subscription removed"))
                    : sender.send(delivery, now));
        }
        for (int i = 0; i < claimed.size(); i++) {
            ClaimedDelivery delivery = claimed.get(i);
            Optional<AttemptResult> result = await(attempts.get(i));
            if (result.isEmpty()) {
                // Shutting down: leave the rest unrecorded, their leases make them due again.
                break;
            }
            record(delivery, result.get(), delivery.secret() == null);
        }
        return claimed.size();
    }

    public int batchSize() {
        return batchSize;
    }

    private void record(ClaimedDelivery delivery, AttemptResult result, boolean unsubscribed) {
        Instant finished = clock.instant();
        if (result.delivered()) {
            ledger.record(delivery, result, DeliveryStatus.DELIVERED, finished, null);
            return;
        }
        Optional<Duration> wait = unsubscribed ? Optional.empty() : policy.delayAfter(delivery.attemptsMade() + 1);
        if (wait.isPresent()) {
            ledger.record(delivery, result, DeliveryStatus.PENDING, finished, finished.plus(wait.get()));
        } else {
            ledger.record(delivery, result, DeliveryStatus.FAILED, finished, null);
        }
    }

    /** The sender's own timeouts end every attempt; this bound only guards against a stuck client. */
    private Optional<AttemptResult> await(CompletableFuture<AttemptResult> attempt) {
        try {
            return Optional.of(attempt.get(lease.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            attempt.cancel(true);
            return Optional.of(AttemptResult.failed(e.getClass().getSimpleName()));
        }
    }
}
