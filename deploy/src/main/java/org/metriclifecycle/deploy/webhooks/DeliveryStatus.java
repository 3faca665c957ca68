package org.metriclifecycle.deploy.webhooks;

/** Where a delivery stands in the log. */
public enum DeliveryStatus {
    /** Not yet answered with 2xx; tried again at its next attempt. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed, or the subscription was removed before it could be sent. */
    FAILED
}
