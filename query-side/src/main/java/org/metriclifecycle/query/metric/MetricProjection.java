package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.metriclifecycle.events.MetricEvent;

/**
 * Keeps each metric's view and history in step with its event stream, inside the transaction that appends the
 * events (a subscribing processor): the view commits or rolls back with them. An event is applied only when its
 * sequence is newer than the last one the view has seen, so a second delivery changes nothing.
 * <p>
 * A view that is behind its stream (lost or damaged, or events imported behind the service's back) catches up from
 * the event store first, so a write never folds its event onto a view that is missing the ones before it.
 */
@ProcessingGroup(MetricProjection.PROCESSING_GROUP)
public class MetricProjection {

    public static final String PROCESSING_GROUP = "metric-views";

    private static final int LEAVES_KEPT = 4096;

    private final MetricViewStore store;
    private final EventStore events;
    private final Map<String, Leaves> lastLeaves = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Leaves> eldest) {
                    return size() > LEAVES_KEPT;
                }
            });

    /** Without an event store: a view behind its stream is not caught up (for tests that feed every event). */
    public MetricProjection(MetricViewStore store) {
        this(store, null);
    }

    public MetricProjection(MetricViewStore store, EventStore events) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = events;
    }

    @EventHandler
    public void on(MetricEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt,
                   MetaData metaData) {
        if (appliedOntoLastKnown(event, sequence, occurredAt, metaData)) {
            return;
        }
        Optional<StoredMetricView> stored = store.findForUpdate(event.metricId());
        long last = stored.map(StoredMetricView::lastSequence).orElse(-1L);
        if (sequence <= last) {
            return;
        }
        MetricView before = stored.map(StoredMetricView::view).orElse(null);
        if (sequence > last + 1 && events != null) {
            before = catchUp(event.metricId(), before, last + 1, sequence);
        }
        apply(event.metricId(), before, event, sequence, occurredAt, metaData);
    }

    /**
     * The usual write: the store still remembers the view at the sequence just before this event (it wrote it), so
     * the event is folded onto that and written with a statement that succeeds only if the row holds exactly it,
     * which saves reading (and locking) the row first; a stream's first event is written if the metric has no row.
     * Any other row (another instance wrote since, a rebuild repaired it, a write was rolled back, a row left behind)
     * leaves nothing written, and the event takes the reading path.
     */
    private boolean appliedOntoLastKnown(MetricEvent event, long sequence, Instant occurredAt, MetaData metaData) {
        Optional<StoredMetricView> known = store.lastKnown(event.metricId());
        boolean first = sequence == 0 && known.isEmpty();
        if (!first && (known.isEmpty() || known.get().lastSequence() != sequence - 1)) {
            return false;
        }
        MetricView before = first ? null : known.get().view();
        MetricView after = MetricViewFold.apply(before, event);
        ViewDiff.Serialized written = ViewDiff.serialize(after);
        HistoryEntry entry = HistoryEntry.ofLeaves(sequence, event, occurredAt, metaData,
                leavesOf(event.metricId(), before), written.leaves());
        boolean saved = first ? store.saveFirst(after, written.document(), entry)
                : store.saveIfStill(known.get(), after, written.document(), sequence, entry);
        if (!saved) {
            return false;
        }
        lastLeaves.put(event.metricId(), new Leaves(after, written.leaves()));
        return true;
    }

    private MetricView catchUp(String metricId, MetricView view, long from, long until) {
        DomainEventStream missed = events.readEvents(metricId, from);
        while (missed.hasNext()) {
            DomainEventMessage<?> message = missed.next();
            if (message.getSequenceNumber() >= until) {
                break;
            }
            if (message.getPayload() instanceof MetricEvent event) {
                view = apply(metricId, view, event, message.getSequenceNumber(), message.getTimestamp(),
                        message.getMetaData());
            }
        }
        return view;
    }

    private MetricView apply(String metricId, MetricView before, MetricEvent event, long sequence, Instant occurredAt,
                             Map<String, ?> metaData) {
        MetricView after = MetricViewFold.apply(before, event);
        ViewDiff.Serialized written = ViewDiff.serialize(after);
        store.save(after, written.document(), sequence);
        store.appendHistory(metricId, HistoryEntry.ofLeaves(sequence, event, occurredAt, metaData,
                leavesOf(metricId, before), written.leaves()));
        lastLeaves.put(metricId, new Leaves(after, written.leaves()));
        return after;
    }

    /**
     * The view's leaves, flattened again only if it is not the view this projection left last time for the metric:
     * the store hands back that same object while the row holds what it wrote, so a command flattens one view, not
     * two. Leaves are a function of the view alone, so a rolled-back write leaves nothing wrong here.
     */
    private Map<String, JsonNode> leavesOf(String metricId, MetricView view) {
        if (view == null) {
            return Map.of();
        }
        Leaves known = lastLeaves.get(metricId);
        return known != null && known.view() == view ? known.leaves() : ViewDiff.leavesOf(view);
    }

    private record Leaves(MetricView view, Map<String, JsonNode> leaves) {
    }
}
