package org.metriclifecycle.deploy.webhooks;

import java.util.List;

/** The JSON of a subscription's delivery log: newest first, one page, and how many there are in all. */
public record DeliveryLog(String subscriptionId, List<DeliveryLogEntry> items, long total) {

    public DeliveryLog {
        items = List.copyOf(items);
    }
}
