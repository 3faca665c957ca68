package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.correlation;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.deprecated;
import static org.metriclifecycle.query.metric.TestEvents.deprioritized;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.proposed;
import static org.metriclifecycle.query.metric.TestEvents.reprioritized;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.Verdict;

class MetricProjectionTest {

    private static final String M = "m-1";

    private final InMemoryMetricViewStore store = new InMemoryMetricViewStore();
    private final MetricProjection projection = new MetricProjection(store);

    /** One metric's stream: the event with its sequence number, time and actor. */
    private record Delivered(MetricEvent event, long sequence, Instant at, String actor) {
    }

    private static final List<Delivered> LIFECYCLE = List.of(
            new Delivered(proposed(M, T0), 0, T0, "carl"),
            new Delivered(linked(M, "h1"), 1, day(1), "carl"),
            new Delivered(deprioritized(M, day(42)), 2, day(42), EventMetadata.SYSTEM_ACTOR),
            new Delivered(correlation(M, "c1", "h1", Verdict.SUPPORTED, day(50)), 3, day(50), "pipe"),
            new Delivered(reprioritized(M, "c1", day(50)), 4, day(50), EventMetadata.SYSTEM_ACTOR),
            new Delivered(deprecated(M, "replaced", "m-2", day(60)), 5, day(60), "lena"));

    private void deliver(List<Delivered> events) {
        for (Delivered delivered : events) {
            projection.on(delivered.event(), delivered.sequence(), delivered.at(),
                    MetaData.with(EventMetadata.ACTOR, delivered.actor()));
        }
    }

    private static MetricView foldAll(List<Delivered> events) {
        MetricView view = null;
        for (Delivered delivered : events) {
            view = MetricViewFold.apply(view, delivered.event());
        }
        return view;
    }

    @Test
    void keepsTheViewEqualToTheFoldOfTheStream() {
        deliver(LIFECYCLE);

        StoredMetricView stored = store.find(M).orElseThrow();
        assertThat(stored.view()).isEqualTo(foldAll(LIFECYCLE));
        assertThat(stored.view().status()).isEqualTo(MetricStatus.DEPRECATED);
        assertThat(stored.lastSequence()).isEqualTo(5);
        assertThat(store.lastAppliedSequence(M)).hasValue(5);
    }

    @Test
    void recordsOneHistoryEntryPerEventOldestFirst() {
        deliver(LIFECYCLE);

        List<HistoryEntry> history = store.history(M);
        assertThat(history).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(history).extracting(HistoryEntry::type).containsExactly("MetricProposed", "HypothesisLinked",
                "MetricDeprioritized", "CorrelationRecorded", "MetricReprioritized", "MetricDeprecated");
        assertThat(history).extracting(HistoryEntry::actor)
                .containsExactly("carl", "carl", "system", "pipe", "system", "lena");
        assertThat(history).extracting(HistoryEntry::occurredAt)
                .containsExactly(T0, day(1), day(42), day(50), day(50), day(60));
        assertThat(history.get(2).reason()).isEqualTo("no supported hypothesis within the link window");
        assertThat(history.get(4).changes()).containsExactly(
                Map.entry("status", new FieldChange("DEPRIORITIZED", "VALIDATED")),
                Map.entry("deprioritizedAt", new FieldChange("2026-02-12T00:00:00.000Z", null)));
    }

    @Test
    void replayingTheSameEventsChangesNothing() {
        deliver(LIFECYCLE);
        StoredMetricView viewOnce = store.find(M).orElseThrow();
        List<HistoryEntry> historyOnce = store.history(M);

        deliver(LIFECYCLE);

        assertThat(store.find(M)).hasValue(viewOnce);
        assertThat(store.history(M)).isEqualTo(historyOnce);
    }

    @Test
    void anOlderSequenceArrivingLateIsIgnored() {
        deliver(LIFECYCLE.subList(0, 3));
        StoredMetricView before = store.find(M).orElseThrow();
        List<HistoryEntry> historyBefore = store.history(M);

        // Sequence 1 again, though with a different payload: the view has already moved past it.
        projection.on(deprecated(M, "stale", null, day(2)), 1, day(2), MetaData.with(EventMetadata.ACTOR, "x"));

        assertThat(store.find(M)).hasValue(before);
        assertThat(store.history(M)).isEqualTo(historyBefore);
    }

    @Test
    void metricsAreProjectedIndependently() {
        projection.on(proposed("m-a", T0), 0, T0, MetaData.emptyInstance());
        projection.on(proposed("m-b", day(1)), 0, day(1), MetaData.emptyInstance());
        projection.on(linked("m-b", "h1"), 1, day(2), MetaData.emptyInstance());

        assertThat(store.find("m-a").orElseThrow().view().status()).isEqualTo(MetricStatus.PROPOSED);
        assertThat(store.find("m-b").orElseThrow().view().status()).isEqualTo(MetricStatus.LINKED);
        assertThat(store.history("m-a")).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(EventMetadata.ANONYMOUS_ACTOR));
        assertThat(store.history("m-b")).hasSize(2);
    }

    @Test
    void axonResolvesSequenceTimestampAndMetaDataOfAStoredEvent() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);

        adapter.handle(new GenericDomainEventMessage<>("Metric", M, 0, proposed(M, T0),
                MetaData.with(EventMetadata.ACTOR, "carl").and(EventMetadata.REASON, "we need it"), "e-0", T0));
        adapter.handle(new GenericDomainEventMessage<>("Metric", M, 1, linked(M, "h1"),
                MetaData.with(EventMetadata.ACTOR, "lena"), "e-1", day(1)));

        assertThat(store.lastAppliedSequence(M)).hasValue(1);
        assertThat(store.history(M)).extracting(HistoryEntry::sequence, HistoryEntry::occurredAt,
                        HistoryEntry::actor, HistoryEntry::reason)
                .containsExactly(tuple(0L, T0, "carl", "we need it"),
                        tuple(1L, day(1), "lena", null));
    }

    @Test
    void aViewBehindItsStreamCatchesUpFromTheEventStoreBeforeTheNewEvent() {
        EmbeddedEventStore events = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        // The first four events were stored while the view was not kept (lost, or imported behind the service).
        events.publish(LIFECYCLE.stream().limit(5).map(delivered -> new GenericDomainEventMessage<>("MetricAggregate",
                M, delivered.sequence(), delivered.event(), MetaData.with(EventMetadata.ACTOR, delivered.actor()),
                java.util.UUID.randomUUID().toString(), delivered.at())).toList());
        MetricProjection catching = new MetricProjection(store, events);

        Delivered last = LIFECYCLE.get(4);
        catching.on(last.event(), last.sequence(), last.at(), MetaData.with(EventMetadata.ACTOR, last.actor()));

        assertThat(store.find(M).orElseThrow().view()).isEqualTo(foldAll(LIFECYCLE.subList(0, 5)));
        assertThat(store.find(M).orElseThrow().lastSequence()).isEqualTo(4);
        assertThat(store.history(M)).extracting(HistoryEntry::sequence, HistoryEntry::actor)
                .containsExactly(tuple(0L, "carl"), tuple(1L, "carl"), tuple(2L, EventMetadata.SYSTEM_ACTOR),
                        tuple(3L, "pipe"), tuple(4L, EventMetadata.SYSTEM_ACTOR));
    }

    /**
     * A store that remembers what it last wrote per metric, as the JPA one does, and can be told a wrong guess (what
     * another instance's write or a rebuild leaves behind): rows are read only when the guess does not hold.
     */
    private static final class RememberingStore extends InMemoryMetricViewStore {
        final Map<String, StoredMetricView> remembered = new java.util.HashMap<>();
        int rowsRead;

        @Override
        public synchronized Optional<StoredMetricView> findForUpdate(String metricId) {
            rowsRead++;
            Optional<StoredMetricView> row = find(metricId);
            row.ifPresent(stored -> remembered.put(metricId, stored));
            return row;
        }

        @Override
        public synchronized void save(MetricView view, long lastSequence) {
            super.save(view, lastSequence);
            remembered.put(view.metricId(), new StoredMetricView(view, lastSequence));
        }

        @Override
        public synchronized boolean saveFirst(MetricView view, String document, HistoryEntry entry) {
            if (find(view.metricId()).isPresent()) {
                return false;
            }
            save(view, entry.sequence());
            appendHistory(view.metricId(), entry);
            return true;
        }

        /** A write by someone else: the row changes, what this store remembers does not. */
        synchronized void writtenBehindItsBack(MetricView view, long lastSequence) {
            super.save(view, lastSequence);
        }

        @Override
        public synchronized Optional<StoredMetricView> lastKnown(String metricId) {
            return Optional.ofNullable(remembered.get(metricId));
        }

        @Override
        public synchronized boolean saveIfStill(StoredMetricView expected, MetricView view, String document,
                                                long lastSequence, HistoryEntry entry) {
            if (!find(view.metricId()).equals(Optional.of(expected))) {
                return false;
            }
            save(view, lastSequence);
            appendHistory(view.metricId(), entry);
            return true;
        }
    }

    @Test
    void eachWriteFoldsOntoTheViewTheStoreRemembersWithoutReadingTheRow() {
        RememberingStore remembering = new RememberingStore();
        MetricProjection writer = new MetricProjection(remembering);
        for (Delivered delivered : LIFECYCLE) {
            writer.on(delivered.event(), delivered.sequence(), delivered.at(),
                    MetaData.with(EventMetadata.ACTOR, delivered.actor()));
        }

        assertThat(remembering.rowsRead).isZero();
        assertThat(remembering.find(M).orElseThrow()).isEqualTo(new StoredMetricView(foldAll(LIFECYCLE), 5));
        assertThat(remembering.history(M)).extracting(HistoryEntry::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);

        // A replay finds nothing to write on the remembered path and changes nothing on the reading one.
        for (Delivered delivered : LIFECYCLE) {
            writer.on(delivered.event(), delivered.sequence(), delivered.at(),
                    MetaData.with(EventMetadata.ACTOR, delivered.actor()));
        }
        assertThat(remembering.find(M).orElseThrow()).isEqualTo(new StoredMetricView(foldAll(LIFECYCLE), 5));
        assertThat(remembering.history(M)).hasSize(6);
    }

    @Test
    void aWrongGuessWritesNothingAndTheEventIsFoldedOntoTheRowAsItIs() {
        RememberingStore remembering = new RememberingStore();
        MetricProjection writer = new MetricProjection(remembering);
        List<Delivered> firstTwo = LIFECYCLE.subList(0, 2);
        for (Delivered delivered : firstTwo) {
            writer.on(delivered.event(), delivered.sequence(), delivered.at(),
                    MetaData.with(EventMetadata.ACTOR, delivered.actor()));
        }
        // The row was repaired (or written by another instance) to a view the store did not write: same sequence,
        // another owner.
        MetricView repaired = foldAll(firstTwo).withOwner("vera");
        remembering.writtenBehindItsBack(repaired, 1);

        Delivered third = LIFECYCLE.get(2);
        writer.on(third.event(), third.sequence(), third.at(), MetaData.with(EventMetadata.ACTOR, third.actor()));

        StoredMetricView stored = remembering.find(M).orElseThrow();
        assertThat(stored.lastSequence()).isEqualTo(2);
        assertThat(stored.view()).isEqualTo(MetricViewFold.apply(repaired, third.event()));
        assertThat(stored.view().owner()).isEqualTo("vera");
        assertThat(remembering.rowsRead).isEqualTo(1);
        assertThat(remembering.history(M)).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aFirstEventMeetingARowLeftBehindWritesNothingAndTakesTheReadingPath() {
        RememberingStore remembering = new RememberingStore();
        MetricProjection writer = new MetricProjection(remembering);
        MetricView leftBehind = foldAll(LIFECYCLE.subList(0, 2));
        remembering.writtenBehindItsBack(leftBehind, 1);

        Delivered first = LIFECYCLE.get(0);
        writer.on(first.event(), first.sequence(), first.at(), MetaData.with(EventMetadata.ACTOR, first.actor()));

        assertThat(remembering.rowsRead).isEqualTo(1);
        assertThat(remembering.find(M)).hasValue(new StoredMetricView(leftBehind, 1));
        assertThat(remembering.history(M)).isEmpty();
    }
}
