package org.metriclifecycle.deploy.webhooks;

/**
 * A due delivery this process has taken to send.
 *
 * @param attemptsMade attempts before this one; recording the result checks it, so two processes that both took the
 *                     delivery (one of them past its lease) cannot both count an attempt
 * @param secret       null when the subscription was removed since the delivery was enqueued
 */
public record ClaimedDelivery(String deliveryId, String subscriptionId, String kind, String url, String body,
                              int attemptsMade, String secret) {

    @Override
    public String toString() {
        // Never the secret, in case a delivery ends up in a log line.
        return "ClaimedDelivery[" + deliveryId + ", " + kind + ", attempt " + (attemptsMade + 1) + "]";
    }
}
