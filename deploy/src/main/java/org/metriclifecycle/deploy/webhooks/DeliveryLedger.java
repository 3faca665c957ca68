package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;
import java.util.List;

/** The outbox as the sender sees it: due deliveries to take, and the outcome of each attempt to record. */
public interface DeliveryLedger {

    /**
     * Takes up to {@code limit} pending deliveries due at {@code now}, leasing each until {@code leaseUntil}: no other
     * process takes it meanwhile, and if this one dies mid-attempt it is due again when the lease ends.
     */
    List<ClaimedDelivery> claimDue(Instant now, int limit, Instant leaseUntil);

    /**
     * Records one attempt: its status afterwards, and for a PENDING delivery when to try next.
     *
     * @return false when another process recorded this attempt first (nothing is changed)
     */
    boolean record(ClaimedDelivery delivery, AttemptResult result, DeliveryStatus status, Instant attemptedAt,
                   Instant nextAttemptAt);
}
