package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.query.metric.ShadowCheckListing;
import org.metriclifecycle.query.metric.ShadowCheckView;

/**
 * Every correlation and every shadow check of a metric, read from its event stream in one pass. The metric view keeps
 * only each hypothesis's latest correlation and the sums of its shadow checks, and the history's before/after diff
 * drops a field whose value happens to repeat (two correlations with the same coefficient), so the detail page folds
 * the stream itself: exact and complete, and as of any past instant.
 */
@Singleton
public class EvidenceHistory {

    /** A metric's evidence, oldest first. */
    public record Evidence(List<CorrelationRecorded> correlations, List<ShadowCheckView> shadowChecks) {
    }

    private final EventStore eventStore;

    @Inject
    EvidenceHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param asOf the last instant to include (stopping at the first later event, like {@code ?asOf=}); null for all
     * @return the metric's evidence; empty for an unknown metric
     */
    public Evidence of(String metricId, Instant asOf) {
        // From sequence 0 explicitly: the single-argument read may start at a snapshot.
        DomainEventStream events = eventStore.readEvents(metricId, 0L);
        List<CorrelationRecorded> recorded = new ArrayList<>();
        ShadowCheckListing checks = new ShadowCheckListing();
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof CorrelationRecorded correlation) {
                recorded.add(correlation);
            }
            if (message.getPayload() instanceof MetricEvent event) {
                checks.apply(event);
            }
        }
        return new Evidence(List.copyOf(recorded), checks.items());
    }
}
