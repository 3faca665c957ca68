package org.metriclifecycle.deploy.infra;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.EventBus;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.command.team.MetricAdmission;
import org.metriclifecycle.command.team.RotationDispatcher;
import org.metriclifecycle.command.team.TeamAggregate;
import org.metriclifecycle.command.metric.MetricAggregate;
import org.metriclifecycle.deploy.webhooks.WebhookFanOut;
import org.metriclifecycle.deploy.webhooks.WebhookOutbox;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.query.metric.jpa.JpaMetricViewStore;
import org.metriclifecycle.query.metric.MetricProjection;
import org.metriclifecycle.query.metric.MetricQueryHandlers;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.metric.ViewJson;
import org.metriclifecycle.query.team.TeamProjection;
import org.metriclifecycle.query.team.TeamQueryHandlers;
import org.metriclifecycle.query.team.TeamViewStore;
import org.metriclifecycle.query.team.jpa.JpaTeamViewStore;
import org.metriclifecycle.query.webhook.WebhookQueryHandlers;
import org.metriclifecycle.query.webhook.WebhookSubscriptionProjection;
import org.metriclifecycle.query.webhook.WebhookSubscriptionStore;
import org.metriclifecycle.query.webhook.jpa.JpaWebhookSubscriptionStore;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Assembles Axon around Quarkus: the JDBC event store and token store on the active datasource (schema by
 * Flyway), JTA transactions, the metric aggregate, the projections on a pooled streaming processor, durable
 * deadlines on db-scheduler, and the gateways the HTTP layer uses. Starts after Flyway has migrated.
 */
@Singleton
public class AxonRuntime {

    /** The processing group (and processor) that keeps the metric views and histories the API reads. */
    public static final String METRIC_VIEWS = "metric-views";
    public static final String TEAM_VIEWS = "team-views";
    /** Turns each rotation handoff of a team into owner changes on its metrics. */
    public static final String ROTATION_DISPATCH = "rotation-dispatch";
    /** Turns the events teams are notified of into webhook deliveries (README "Webhooks"). */
    public static final String WEBHOOK_OUTBOX = WebhookOutbox.PROCESSING_GROUP;

    static {
        // Axon reads these as system properties: no update check calling out, no console banner.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private final Configuration axon;
    private final MetricViewStore metricViews;
    private final TeamViewStore teamViews;
    private final WebhookSubscriptionStore webhookSubscriptions;

    @Inject
    AxonRuntime(ActiveDatabase database, jakarta.transaction.TransactionManager jta, Clock clock,
                LifecycleConfig lifecycle, BudgetConfig budget, SnapshotConfig snapshots, ProjectionProgress progress,
                LiveUpdates live, WebhooksConfig webhooks, WebhookDeliveries webhookDeliveries,
                WebhookScheduler webhookScheduler) {
        TransactionManager transactions = new JtaTransactionManager(jta);
        Serializer serializer = EventSerialization.serializer();
        ConnectionProvider connections = new DataSourceConnectionProvider(database.dataSource());
        this.metricViews = new JpaMetricViewStore(database.entityManager(), ViewJson.mapper());
        this.teamViews = new JpaTeamViewStore(database.entityManager(), ViewJson.mapper());
        this.webhookSubscriptions = new JpaWebhookSubscriptionStore(database.entityManager());
        GenericEventMessage.clock = clock;

        AtomicReference<DbSchedulerDeadlineManager> deadlineManager = new AtomicReference<>();
        Scheduler deadlineScheduler = deadlineScheduler(database, clock, deadlineManager);

        JdbcEventStorageEngine jdbcStorage = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(EventSerialization.snapshotSerializer())
                .persistenceExceptionResolver(persistenceExceptions())
                .schema(eventSchema())
                .dataType(byte[].class)
                .upcasterChain(new EventUpcasterChain(EventUpcasters.all()))
                .build();
        // Every append also writes its streams' hash chain, in the same transaction (SPEC "Security").
        EventStorageEngine storage = new HashChainingStorageEngine(jdbcStorage, connections, transactions);
        CommitAwareEventSource processorSource = new CommitAwareEventSource(storage);

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> storage)
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.REASON)))
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(LifecycleSettings.class,
                        c -> new LifecycleSettings(lifecycle.linkWindow(), lifecycle.revalidationInterval()))
                .registerComponent(TeamSettings.class, c -> new TeamSettings(budget.defaultCoreLimit()))
                .configureDeadlineManager(c -> {
                    DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                            .scheduler(deadlineScheduler)
                            .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                            .serializer(serializer)
                            .transactionManager(transactions)
                            .useBinaryPojo(false)
                            .build();
                    deadlineManager.set(manager);
                    return manager;
                })
                .configureAggregate(snapshotted(AggregateConfigurer.defaultConfiguration(MetricAggregate.class),
                        snapshots.threshold()))
                .configureAggregate(snapshotted(AggregateConfigurer.defaultConfiguration(TeamAggregate.class),
                        snapshots.threshold()))
                .registerCommandHandler(c -> new MetricAdmission(c.repository(TeamAggregate.class),
                        c.repository(MetricAggregate.class)))
                .registerQueryHandler(c -> new MetricQueryHandlers(metricViews, c.eventStore(), teamViews, clock))
                .registerQueryHandler(c -> new TeamQueryHandlers(teamViews, metricViews, clock,
                        budget.defaultCoreLimit(), lifecycle.revalidationInterval()))
                .registerQueryHandler(c -> new WebhookQueryHandlers(webhookSubscriptions));
        configurer.eventProcessing()
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .schema(tokenSchema())
                        .contentType(byte[].class)
                        .build())
                .registerEventHandler(c -> new MetricProjection(metricViews))
                .registerEventHandler(c -> new TeamProjection(teamViews))
                .registerEventHandler(c -> new WebhookSubscriptionProjection(webhookSubscriptions))
                .registerEventHandler(c -> new RotationDispatcher());
        for (String processor : List.of(METRIC_VIEWS, TEAM_VIEWS, ROTATION_DISPATCH)) {
            configurer.eventProcessing()
                    .registerPooledStreamingEventProcessor(processor, c -> processorSource,
                            (c, builder) -> builder.batchSize(100).initialSegmentCount(4)
                                    // Also how often an idle processor looks for events committed by other processes.
                                    .claimExtensionThreshold(1000))
                    .registerHandlerInterceptor(processor, c -> progress.signalAfterCommit());
        }
        // The web page's live updates: what the two view processors applied, published after their batches commit.
        MetricTeams metricTeams = new MetricTeams(metricViews);
        configurer.eventProcessing()
                .registerHandlerInterceptor(METRIC_VIEWS, c -> live.publishAfterCommit(metricTeams::describe))
                .registerHandlerInterceptor(TEAM_VIEWS, c -> live.publishAfterCommit(MetricTeams::describeTeamEvent));
        if (webhooks.enabled()) {
            WebhookFanOut fanOut = new WebhookFanOut(webhookSubscriptions, webhookDeliveries, clock);
            configurer.eventProcessing()
                    .registerEventHandler(c -> new WebhookOutbox(fanOut,
                            new StoredMetricDirectory(metricViews, c.eventStore())))
                    .registerPooledStreamingEventProcessor(WEBHOOK_OUTBOX, c -> processorSource,
                            (c, builder) -> builder.batchSize(50).initialSegmentCount(2)
                                    // A new installation (or one that just turned webhooks on) notifies from now
                                    // on, not about every deprecation in its history.
                                    .initialToken(StreamableMessageSource::createHeadToken)
                                    .claimExtensionThreshold(1000))
                    // An outbox must not skip an event it failed on: the segment retries it (with backoff).
                    .registerListenerInvocationErrorHandler(WEBHOOK_OUTBOX, c -> PropagatingErrorHandler.instance())
                    .registerHandlerInterceptor(WEBHOOK_OUTBOX, c -> (unitOfWork, chain) -> {
                        unitOfWork.afterCommit(committed -> webhookScheduler.wake());
                        return chain.proceed();
                    });
        }
        this.axon = configurer.buildConfiguration();
        axon.eventStore().registerDispatchInterceptor(events -> {
            processorSource.wakeAfterCommit();
            return (index, event) -> event;
        });
        // Resolve it now: the deadline manager starts db-scheduler with Axon, and only if it exists by then.
        axon.deadlineManager();
    }

    void start(@Observes StartupEvent started) {
        axon.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        axon.shutdown();
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return axon.commandGateway();
    }

    @Produces
    @Singleton
    QueryGateway queryGateway() {
        return axon.queryGateway();
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return axon.eventStore();
    }

    @Produces
    @Singleton
    MetricViewStore metricViewStore() {
        return metricViews;
    }

    @Produces
    @Singleton
    TeamViewStore teamViewStore() {
        return teamViews;
    }

    public Configuration configuration() {
        return axon;
    }

    private static Scheduler deadlineScheduler(ActiveDatabase database, Clock clock,
                                               AtomicReference<DbSchedulerDeadlineManager> manager) {
        var builder = Scheduler.create(database.dataSource(), DbSchedulerDeadlineManager.humanReadableTask(manager::get))
                .tableName("scheduled_tasks")
                .serializer(new JacksonSerializer())
                .clock(clock::instant)
                .threads(2)
                // Deadlines are due to the second in tests and demos; the default is 10 s.
                .pollingInterval(Duration.ofSeconds(1))
                // A deadline that was running when its node died is retried after 4 missed heartbeats (~40 s),
                // not the default ~30 min.
                .heartbeatInterval(Duration.ofSeconds(10))
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(5));
        if (!database.isPostgreSql()) {
            builder.alwaysPersistTimestampInUTC();
        }
        return builder.build();
    }

    /** Long streams load from a snapshot taken every {@code threshold} events, if its aggregate revision still fits. */
    private static <A> AggregateConfigurer<A> snapshotted(AggregateConfigurer<A> aggregate, int threshold) {
        String revision = aggregate.aggregateType().getAnnotation(Revision.class).value();
        return aggregate
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold))
                .configureSnapshotFilter(c -> new RevisionSnapshotFilter(revision));
    }

    private static PersistenceExceptionResolver persistenceExceptions() {
        // Without it a duplicate key on PostgreSQL is a generic EventStoreException, not a ConcurrencyException.
        return new org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver();
    }

    private static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    private static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
