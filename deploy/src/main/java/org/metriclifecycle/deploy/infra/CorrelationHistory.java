package org.metriclifecycle.deploy.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.events.CorrelationRecorded;

/**
 * Every correlation ever recorded for a metric, read from its event stream. The metric view keeps only each
 * hypothesis's latest correlation, and the history's before/after diff drops a field whose value happens to repeat
 * (two correlations with the same coefficient), so the evidence plot folds the stream itself: exact and complete.
 */
@Singleton
public class CorrelationHistory {

    private final EventStore eventStore;

    @Inject
    CorrelationHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param asOf the last instant to include (stopping at the first later event, like {@code ?asOf=}); null for all
     * @return the metric's correlations, oldest first; empty for an unknown metric
     */
    public List<CorrelationRecorded> of(String metricId, Instant asOf) {
        // From sequence 0 explicitly: the single-argument read may start at a snapshot.
        DomainEventStream events = eventStore.readEvents(metricId, 0L);
        List<CorrelationRecorded> recorded = new ArrayList<>();
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof CorrelationRecorded correlation) {
                recorded.add(correlation);
            }
        }
        return recorded;
    }
}
