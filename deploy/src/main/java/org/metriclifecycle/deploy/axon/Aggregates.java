package org.metriclifecycle.deploy.axon;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.serialization.Revision;
import org.metriclifecycle.command.metric.MetricAggregate;
import org.metriclifecycle.command.team.MetricAdmission;
import org.metriclifecycle.command.team.TeamAggregate;
import org.metriclifecycle.deploy.ops.ActiveDatabase;

/**
 * How an aggregate is loaded. Loading costs the same on a long stream as on a fresh one: an aggregate comes from the
 * cache, else from a snapshot taken every {@code threshold} events if its aggregate revision still fits, plus the
 * events after it. Where other instances may write the same streams (PostgreSQL), a cached aggregate that another
 * instance has moved on is caught by the store's unique key when the command appends (rolled back, which evicts the
 * entry, and retried once: {@link ConcurrencyRetry}), and by a check of the stream's last sequence when it appends
 * nothing ({@link StaleCacheCheck}, {@link VersionCheckedCache}). The embedded H2 database has one process.
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

    /** Where other instances may write the same streams: the deferred staleness check of cached aggregates. */
    void guard(Configuration axon) {
        if (sharedDatabase) {
            axon.commandBus().registerHandlerInterceptor(StaleCacheCheck.commandInterceptor());
        }
    }

    private static Cache versionChecked(EventStore events) {
        if (!(events instanceof StagingEventStore staging)) {
            throw new IllegalStateException("the deferred staleness check needs the StagingEventStore, not " + events);
        }
        return new VersionCheckedCache(new WeakReferenceCache(), staging::lastStoredSequenceNumberFor,
                staging::hasStaged);
    }

    private static <A> AggregateConfigurer<A> cached(Class<A> type, int threshold, boolean sharedDatabase) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        String revision = type.getAnnotation(Revision.class).value();
        CachedTargetResolver targets = new CachedTargetResolver();
        return aggregate
                .configureCommandTargetResolver(c -> targets)
                .configureCache(c -> sharedDatabase ? versionChecked(c.eventStore()) : new WeakReferenceCache())
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold))
                .configureSnapshotFilter(c -> new RevisionSnapshotFilter(revision));
    }
}
