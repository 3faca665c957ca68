package org.metriclifecycle.deploy.axon;

import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.audit.HashChainingStorageEngine;
import org.metriclifecycle.deploy.web.LiveConfig;
import org.metriclifecycle.deploy.web.LiveNotifications;
import org.metriclifecycle.deploy.web.LiveUpdates;
import org.metriclifecycle.deploy.web.MetricTeams;
import org.metriclifecycle.deploy.webhooks.StoredMetricDirectory;
import org.metriclifecycle.deploy.webhooks.WebhookDeliveries;
import org.metriclifecycle.deploy.webhooks.WebhookScheduler;
import org.metriclifecycle.deploy.webhooks.WebhooksConfig;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.RotationSettings;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.command.metric.MetricAggregate;
import org.metriclifecycle.command.team.MetricAdmission;
import org.metriclifecycle.command.team.TeamAggregate;
import org.metriclifecycle.deploy.webhooks.DeliveryQueue;
import org.metriclifecycle.deploy.webhooks.WebhookFanOut;
import org.metriclifecycle.deploy.webhooks.WebhookOutbox;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.query.metric.MetricProjection;
import org.metriclifecycle.query.metric.MetricQueryHandlers;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.metric.ViewJson;
import org.metriclifecycle.query.metric.jpa.JpaMetricViewStore;
import org.metriclifecycle.query.team.TeamHistoryQueries;
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
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Assembles Axon around Quarkus: the JDBC event store (with its hash chain) on the active datasource (schema by
 * Flyway), JTA transactions, the aggregates (cached, snapshotted), the projections on subscribing processors, durable
 * deadlines and the rotation outbox on db-scheduler, and the gateways the HTTP layer uses. Starts after Flyway.
 * <p>
 * One transaction per write (docs/design.md "How it works"): a command's events, their chain links, the views its events
 * change, its deadlines and its outbox rows (webhook deliveries, rotation fan-out) commit together, because every
 * projection runs in the unit of work that appends the events and a failing one rolls the command back. Nothing
 * reads the event store behind the writes, so there are no tokens, no sequence gaps to wait out and no polling of
 * the store. Only side effects run after commit: live-page pushes (relayed to the other instances by
 * LISTEN/NOTIFY), webhook sending, the rotation fan-out.
 * <p>
 * Several instances may share one database: each takes any request; a command that lost a race for a stream to
 * another instance (a stale cached aggregate, refused by the store's unique key) is retried once
 * ({@link ConcurrencyRetry}); db-scheduler runs each deadline and outbox task on one instance.
 */
@Singleton
public class AxonRuntime {

    /** The subscribing processors, in the order they run within a command's transaction. */
    public static final String METRIC_VIEWS = "metric-views";
    public static final String TEAM_VIEWS = "team-views";
    public static final String WEBHOOK_OUTBOX = WebhookOutbox.PROCESSING_GROUP;
    public static final String ROTATION_OUTBOX = RotationFanOut.Outbox.PROCESSING_GROUP;

    static {
        // Axon reads these as system properties: no update check calling out, no console banner.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private final Configuration axon;
    private final JpaMetricViewStore metricViews;
    private final TeamViewStore teamViews;
    private final WebhookSubscriptionStore webhookSubscriptions;
    private final ConcurrencyRetry retry;
    private final LiveNotifications notifications;

    @Inject
    AxonRuntime(ActiveDatabase database, jakarta.transaction.TransactionManager jta, AfterCommit afterCommit,
                Clock clock, LifecycleConfig lifecycle, ShadowConfig shadow, BudgetConfig budget,
                SnapshotConfig snapshots, LiveUpdates live, LiveConfig liveConfig, WebhooksConfig webhooks,
                WebhookDeliveries webhookDeliveries, WebhookScheduler webhookScheduler, DeadlinesConfig deadlines,
                RotationConfig rotations, Instance<RecurringWork> recurring) {
        TransactionManager transactions = new JtaTransactionManager(jta);
        this.retry = new ConcurrencyRetry(() -> JtaTransactionManager.active(jta));
        String nodeId = ManagementFactory.getRuntimeMXBean().getName();
        Serializer serializer = EventSerialization.serializer();
        ConnectionProvider connections = new DataSourceConnectionProvider(database.dataSource());
        this.metricViews = new JpaMetricViewStore(database.entityManager(), ViewJson.mapper(), database.dataSource());
        this.teamViews = new JpaTeamViewStore(database.entityManager(), ViewJson.mapper());
        this.webhookSubscriptions = new JpaWebhookSubscriptionStore(database.entityManager());
        GenericEventMessage.clock = clock;

        AtomicReference<DbSchedulerDeadlineManager> deadlineManager = new AtomicReference<>();
        AtomicReference<Configuration> built = new AtomicReference<>();
        AtomicReference<Scheduler> scheduler = new AtomicReference<>();
        RotationFanOut rotation = new RotationFanOut(() -> built.get().commandGateway(), scheduler::get,
                EventSerialization.mapper(), clock, afterCommit);
        scheduler.set(scheduler(database, clock, deadlines, RecurringTasks.of(recurring),
                DeadlineTask.create(deadlineManager::get), rotation.task()));

        JdbcEventStorageEngine jdbcStorage = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(EventSerialization.snapshotSerializer())
                .persistenceExceptionResolver(persistenceExceptions())
                .schema(eventSchema())
                .dataType(byte[].class)
                .appendEvents(HashChainingStorageEngine.appendStatement())
                .upcasterChain(new EventUpcasterChain(EventUpcasters.all()))
                .build();
        // Every append also writes its streams' hash chain, in the same transaction (SPEC "Security").
        EventStorageEngine storage = new HashChainingStorageEngine(jdbcStorage, connections, transactions,
                afterCommit);
        this.notifications = database.isPostgreSql() && liveConfig.listenNotify()
                ? new LiveNotifications(database.dataSource(), listenerConnections(), nodeId, live::publish)
                : null;
        if (notifications != null) {
            live.relayTo(notifications::relay);
        }

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus()).retryScheduler(retry).build())
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.REASON)))
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(LifecycleSettings.class,
                        c -> new LifecycleSettings(lifecycle.linkWindow(), lifecycle.revalidationInterval(),
                                shadow.minObserve()))
                .registerComponent(TeamSettings.class, c -> new TeamSettings(budget.defaultCoreLimit()))
                .registerComponent(RotationSettings.class, c -> new RotationSettings(rotations.minPeriod()))
                .configureDeadlineManager(c -> {
                    DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                            .scheduler(scheduler.get())
                            .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                            .serializer(serializer)
                            .transactionManager(transactions)
                            .useBinaryPojo(false)
                            .build();
                    deadlineManager.set(manager);
                    return manager;
                })
                .configureAggregate(cached(AggregateConfigurer.defaultConfiguration(MetricAggregate.class),
                        snapshots.threshold(), database.isPostgreSql()))
                .configureAggregate(cached(AggregateConfigurer.defaultConfiguration(TeamAggregate.class),
                        snapshots.threshold(), database.isPostgreSql()))
                .registerCommandHandler(c -> new MetricAdmission(c.repository(TeamAggregate.class),
                        c.repository(MetricAggregate.class)))
                .registerQueryHandler(c -> new MetricQueryHandlers(metricViews, c.eventStore(), teamViews, clock))
                .registerQueryHandler(c -> new TeamQueryHandlers(teamViews, metricViews, clock,
                        budget.defaultCoreLimit(), lifecycle.revalidationInterval()))
                .registerQueryHandler(c -> new WebhookQueryHandlers(webhookSubscriptions))
                .registerQueryHandler(c -> new TeamHistoryQueries(c.eventStore()));

        EventProcessingConfigurer processing = configurer.eventProcessing()
                .registerEventHandler(c -> new MetricProjection(metricViews, c.eventStore()))
                .registerEventHandler(c -> new TeamProjection(teamViews, c.eventStore()))
                .registerEventHandler(c -> new WebhookSubscriptionProjection(webhookSubscriptions))
                .registerEventHandler(c -> rotation.handler())
                // A projection or outbox that fails fails the command: nothing is committed without its views.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        List<String> processors = new ArrayList<>(List.of(METRIC_VIEWS, TEAM_VIEWS, ROTATION_OUTBOX));
        if (webhooks.enabled()) {
            // The sender is woken only by a command that enqueued a delivery: waking it after every command cost
            // a transaction and a poll of the outbox per command (bench/ANALYSIS.md).
            DeliveryQueue wakingQueue = delivery -> {
                boolean added = webhookDeliveries.enqueue(delivery);
                if (added) {
                    afterCommit.run(webhookScheduler::wake);
                }
                return added;
            };
            WebhookFanOut fanOut = new WebhookFanOut(webhookSubscriptions, wakingQueue, clock);
            processing.registerEventHandler(c -> new WebhookOutbox(fanOut,
                    new StoredMetricDirectory(metricViews, c.eventStore())));
            processors.add(WEBHOOK_OUTBOX);
        }
        for (String processor : processors) {
            processing.registerSubscribingEventProcessor(processor);
        }
        // The web page's live updates: what the two view processors applied, published after the commit.
        MetricTeams metricTeams = new MetricTeams(metricViews);
        processing
                .registerHandlerInterceptor(METRIC_VIEWS, c -> live.publishAfterCommit(metricTeams::describe))
                .registerHandlerInterceptor(TEAM_VIEWS, c -> live.publishAfterCommit(MetricTeams::describeTeamEvent));
        this.axon = configurer.buildConfiguration();
        built.set(axon);
        // Resolve it now: the deadline manager starts db-scheduler with Axon, and only if it exists by then.
        axon.deadlineManager();
    }

    void start(@Observes StartupEvent started) {
        metricViews.fillDerivedColumns();
        axon.start();
        if (notifications != null) {
            notifications.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        axon.shutdown();
        if (notifications != null) {
            notifications.close();
        }
        retry.shutdown();
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

    private static Scheduler scheduler(ActiveDatabase database, Clock clock, DeadlinesConfig config,
                                       List<RecurringTask<Void>> recurring, Task<?>... tasks) {
        var builder = Scheduler.create(database.dataSource(), List.of(tasks))
                .startTasks(recurring)
                .tableName("scheduled_tasks")
                .serializer(new JacksonSerializer())
                .clock(clock::instant)
                .threads(2)
                // Each poll is a query: long enough that an idle instance stays idle, short enough that a deadline
                // fires within seconds of its instant. Outbox tasks due at once are woken after their commit.
                .pollingInterval(config.pollInterval())
                // A deadline that was running when its node died is retried by another node after 4 missed
                // heartbeats (~40 s at the default 10 s), not db-scheduler's default ~30 min. Each deadline runs on
                // one node: db-scheduler picks an execution with an optimistic update of its row.
                .heartbeatInterval(config.heartbeatInterval())
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(5));
        if (!database.isPostgreSql()) {
            builder.alwaysPersistTimestampInUTC();
        }
        return builder.build();
    }

    /**
     * Opens the notification listener's own connection with the datasource's settings, outside the pool: a LISTEN
     * session lives as long as the instance.
     */
    private static Supplier<Connection> listenerConnections() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.postgresql.jdbc.url", String.class);
        Properties login = new Properties();
        login.setProperty("user", config.getOptionalValue("quarkus.datasource.postgresql.username", String.class)
                .orElse("postgres"));
        config.getOptionalValue("quarkus.datasource.postgresql.password", String.class)
                .ifPresent(password -> login.setProperty("password", password));
        login.setProperty("ApplicationName", LiveNotifications.APPLICATION_NAME);
        login.setProperty("tcpKeepAlive", "true");
        return () -> {
            try {
                // The driver itself, not DriverManager: no dependence on driver registration under Quarkus's class loaders.
                Connection connection = new org.postgresql.Driver().connect(url, login);
                if (connection == null) {
                    throw new IllegalStateException("not a PostgreSQL URL: " + url);
                }
                return connection;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    /**
     * Loading costs the same on a long stream as on a fresh one: an aggregate comes from the cache, else from a snapshot
     * taken every {@code threshold} events if its aggregate revision still fits, plus the events after it. Where other
     * instances may write the same streams (PostgreSQL), a cached aggregate is used only if no event was stored after
     * it ({@link VersionCheckedCache}); a race between the check and the append is still caught by the store's unique
     * key, rolled back (which evicts the entry) and retried once. The embedded H2 database has one process.
     */
    private static <A> AggregateConfigurer<A> cached(AggregateConfigurer<A> aggregate, int threshold,
                                                     boolean sharedDatabase) {
        String revision = aggregate.aggregateType().getAnnotation(Revision.class).value();
        return aggregate
                .configureCache(c -> sharedDatabase
                        ? new VersionCheckedCache(new WeakReferenceCache(), c.eventStore()::lastSequenceNumberFor)
                        : new WeakReferenceCache())
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

}
