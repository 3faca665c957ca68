package org.metriclifecycle.deploy.webhooks;

/** Where deliveries wait to be sent (the {@code webhook_delivery} outbox), in the caller's transaction. */
public interface DeliveryQueue {

    /** @return false when the subscription already has a delivery with the same dedup key (nothing is added) */
    boolean enqueue(NewDelivery delivery);
}
