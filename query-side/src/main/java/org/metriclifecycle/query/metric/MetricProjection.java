package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.metriclifecycle.events.MetricEvent;

/**
 * Keeps each metric's view and history in step with its event stream. Events are delivered at least once (a
 * replay, a retry after a failed commit), so each is applied only when its sequence is newer than the last one
 * the view has seen.
 */
@ProcessingGroup(MetricProjection.PROCESSING_GROUP)
public class MetricProjection {

    public static final String PROCESSING_GROUP = "metric-views";

    private final MetricViewStore store;

    public MetricProjection(MetricViewStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @EventHandler
    public void on(MetricEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt,
                   MetaData metaData, ReplayStatus replay) {
        if (replay.isReplay() && sequence == 0) {
            // A rebuild starts each stream afresh; until then readers keep the old view rather than a hole.
            store.forget(event.metricId());
        }
        Optional<StoredMetricView> stored = store.find(event.metricId());
        if (stored.isPresent() && sequence <= stored.get().lastSequence()) {
            return;
        }
        MetricView before = stored.map(StoredMetricView::view).orElse(null);
        MetricView after = MetricViewFold.apply(before, event);
        store.save(after, sequence);
        store.appendHistory(event.metricId(), HistoryEntry.of(sequence, event, occurredAt, metaData, before, after));
    }
}
