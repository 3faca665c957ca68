package org.metriclifecycle.deploy.axon;

import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, also telling whether the current unit of work has staged events for a stream (applied,
 * not yet appended): such a stream's append will meet the store's unique key, which is all the staleness check a
 * cached aggregate then needs ({@link StaleCacheCheck}); and a stream's last stored sequence, staged events aside.
 */
final class StagingEventStore extends EmbeddedEventStore {

    StagingEventStore(Builder builder) {
        super(builder);
    }

    boolean hasStaged(String aggregateIdentifier) {
        return stagedDomainEventMessages(aggregateIdentifier).findAny().isPresent();
    }

    /** Unlike {@link #lastSequenceNumberFor}, never the unit of work's own staged events. */
    Optional<Long> lastStoredSequenceNumberFor(String aggregateIdentifier) {
        return storageEngine().lastSequenceNumberFor(aggregateIdentifier);
    }
}
