package org.metriclifecycle.query.metric;

import java.util.Objects;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.metriclifecycle.events.MetricEvent;

/** Answers the read side's queries: current state from the store, past state from the event stream itself. */
public class MetricQueryHandlers {

    private final MetricViewStore store;
    private final EventStore eventStore;

    public MetricQueryHandlers(MetricViewStore store, EventStore eventStore) {
        this.store = Objects.requireNonNull(store, "store");
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
    }

    @QueryHandler
    public MetricView find(FindMetric query) {
        return store.find(query.metricId()).map(StoredMetricView::view).orElse(null);
    }

    /**
     * Folds the stream's prefix up to {@code asOf}: stopping at the first later event, rather than skipping it,
     * keeps the result a state the metric really had even if stored timestamps are not monotonic.
     */
    @QueryHandler
    public MetricView findAsOf(FindMetricAsOf query) {
        // From sequence 0 explicitly: the single-argument read may start at a snapshot, which is no MetricEvent.
        DomainEventStream events = eventStore.readEvents(query.metricId(), 0L);
        MetricView view = null;
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (message.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            if (message.getPayload() instanceof MetricEvent event) {
                view = MetricViewFold.apply(view, event);
            }
        }
        return view;
    }

    @QueryHandler
    public MetricPage list(ListMetrics query) {
        MetricFilter filter = query.filter() == null ? MetricFilter.any() : query.filter();
        return store.list(filter, query.page(), query.size());
    }

    @QueryHandler
    public MetricHistory history(FindMetricHistory query) {
        if (store.lastAppliedSequence(query.metricId()).isEmpty()) {
            return null;
        }
        return new MetricHistory(query.metricId(), store.history(query.metricId()));
    }
}
