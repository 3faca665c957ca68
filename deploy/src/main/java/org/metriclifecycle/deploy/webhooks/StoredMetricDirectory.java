package org.metriclifecycle.deploy.webhooks;

import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.query.metric.MetricViewStore;

/**
 * Finds a metric for a notification: from its read model, else from the first event of its stream (a view lost or
 * not yet rebuilt must not cost a team its notification). Runs in the transaction of the write being notified.
 */
public final class StoredMetricDirectory implements MetricDirectory {

    private final MetricViewStore views;
    private final EventStore events;

    public StoredMetricDirectory(MetricViewStore views, EventStore events) {
        this.views = views;
        this.events = events;
    }

    @Override
    public Optional<MetricFacts> find(String metricId) {
        return views.find(metricId)
                .map(stored -> new MetricFacts(metricId, stored.view().name(), stored.view().team(),
                        stored.view().owner()))
                .or(() -> proposal(metricId));
    }

    private Optional<MetricFacts> proposal(String metricId) {
        // From sequence 0 without snapshots: a snapshot would hide the proposal.
        DomainEventStream stream = events.readEvents(metricId, 0);
        if (stream.hasNext() && stream.next().getPayload() instanceof MetricProposed proposed) {
            return Optional.of(new MetricFacts(metricId, proposed.name(), proposed.team(), proposed.owner()));
        }
        return Optional.empty();
    }
}
