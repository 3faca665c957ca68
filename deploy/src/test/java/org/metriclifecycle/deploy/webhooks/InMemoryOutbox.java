package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outbox table's rules in memory: unique (subscription, dedup key), claims by lease, attempts counted once. */
final class InMemoryOutbox implements DeliveryQueue, DeliveryLedger {

    /** One row, as the table keeps it. */
    static final class Row {
        final NewDelivery delivery;
        String secret;
        DeliveryStatus status = DeliveryStatus.PENDING;
        int attempts;
        Integer lastStatusCode;
        String lastError;
        Instant nextAttemptAt;
        Instant deliveredAt;

        Row(NewDelivery delivery, String secret) {
            this.delivery = delivery;
            this.secret = secret;
            this.nextAttemptAt = delivery.createdAt();
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();

    void secret(String subscriptionId, String secret) {
        secrets.put(subscriptionId, secret);
    }

    List<Row> rows() {
        return List.copyOf(rows.values());
    }

    List<NewDelivery> deliveries() {
        return rows.values().stream().map(row -> row.delivery).toList();
    }

    @Override
    public synchronized boolean enqueue(NewDelivery delivery) {
        String key = delivery.subscriptionId() + "|" + delivery.dedupKey();
        if (rows.containsKey(key)) {
            return false;
        }
        rows.put(key, new Row(delivery, secrets.get(delivery.subscriptionId())));
        return true;
    }

    @Override
    public synchronized List<ClaimedDelivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (Row row : rows.values()) {
            if (claimed.size() < limit && row.status == DeliveryStatus.PENDING && !row.nextAttemptAt.isAfter(now)) {
                row.nextAttemptAt = leaseUntil;
                claimed.add(new ClaimedDelivery(row.delivery.deliveryId(), row.delivery.subscriptionId(),
                        row.delivery.kind(), row.delivery.url(), row.delivery.body(), row.attempts, row.secret));
            }
        }
        return claimed;
    }

    @Override
    public synchronized boolean record(ClaimedDelivery delivery, AttemptResult result, DeliveryStatus status,
                                       Instant attemptedAt, Instant nextAttemptAt) {
        for (Row row : rows.values()) {
            if (row.delivery.deliveryId().equals(delivery.deliveryId()) && row.attempts == delivery.attemptsMade()) {
                row.status = status;
                row.attempts++;
                row.lastStatusCode = result.statusCode();
                row.lastError = result.error();
                row.nextAttemptAt = nextAttemptAt;
                row.deliveredAt = status == DeliveryStatus.DELIVERED ? attemptedAt : null;
                return true;
            }
        }
        return false;
    }
}
