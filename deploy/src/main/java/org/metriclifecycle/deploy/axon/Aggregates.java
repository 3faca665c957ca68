package org.metriclifecycle.deploy.axon;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.serialization.Revision;
import org.metriclifecycle.command.metric.MetricAggregate;
import org.metriclifecycle.command.team.MetricAdmission;
import org.metriclifecycle.command.team.TeamAggregate;
import org.metriclifecycle.deploy.ops.ActiveDatabase;

/**
 * How an aggregate is loaded. Loading costs the same on a long stream as on a fresh one: an aggregate comes from the
 * cache, else from a snapshot taken every {@code threshold} events if its aggregate revision still fits, plus the
 * events after it. Where other instances may write the same streams (PostgreSQL), a cached aggregate is used only if
 * no event was stored after it ({@link VersionCheckedCache}); a race between the check and the append is still caught
 * by the store's unique key, rolled back (which evicts the entry) and retried once ({@link ConcurrencyRetry}). The
 * embedded H2 database has one process.
 */
@Singleton
class Aggregates {

    private final int threshold;
    private final boolean sharedDatabase;

    @Inject
    Aggregates(SnapshotConfig snapshots, ActiveDatabase database) {
        this.threshold = snapshots.threshold();
        this.sharedDatabase = database.isPostgreSql();
    }

    /** The two aggregates, and the handler that admits a new metric into its team's budget before creating it. */
    void configure(Configurer axon) {
        axon.configureAggregate(cached(MetricAggregate.class, threshold, sharedDatabase))
                .configureAggregate(cached(TeamAggregate.class, threshold, sharedDatabase))
                .registerCommandHandler(c -> new MetricAdmission(c.repository(TeamAggregate.class),
                        c.repository(MetricAggregate.class)));
    }

    private static <A> AggregateConfigurer<A> cached(Class<A> type, int threshold, boolean sharedDatabase) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        String revision = type.getAnnotation(Revision.class).value();
        return aggregate
                .configureCache(c -> sharedDatabase
                        ? new VersionCheckedCache(new WeakReferenceCache(), c.eventStore()::lastSequenceNumberFor)
                        : new WeakReferenceCache())
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold))
                .configureSnapshotFilter(c -> new RevisionSnapshotFilter(revision));
    }
}
