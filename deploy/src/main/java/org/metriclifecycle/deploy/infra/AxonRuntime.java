package org.metriclifecycle.deploy.infra;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * <p>
 * Several instances may share one database (README "Running several instances"): they split each processor's
 * segments through the token store ({@link ReplicaMembership}), wake each other's processors on commit
 * ({@link CommitNotifications}, PostgreSQL), retry a command once that lost a race for a stream to another instance
 * ({@link ConcurrencyRetry}), and db-scheduler runs each deadline on one instance. With metrics.axon-server.enabled
 * commands, events and queries go through Axon Server instead ({@link AxonServerRouting}).
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

    /** How often a processor looks for segments to claim: bounds the takeover after an instance's claims expire. */
    private static final long TOKEN_CLAIM_INTERVAL_MILLIS = 1_000;

    private final Configuration axon;
    private final MetricViewStore metricViews;
    private final TeamViewStore teamViews;
    private final WebhookSubscriptionStore webhookSubscriptions;
    private final ReplicaMembership membership;
    private final ConcurrencyRetry retry;
    private final CommitNotifications notifications;

    @Inject
    AxonRuntime(ActiveDatabase database, jakarta.transaction.TransactionManager jta,
                jakarta.transaction.TransactionSynchronizationRegistry synchronizations, Clock clock,
                LifecycleConfig lifecycle, BudgetConfig budget, SnapshotConfig snapshots, ProjectionProgress progress,
                LiveUpdates live, WebhooksConfig webhooks, WebhookDeliveries webhookDeliveries,
                WebhookScheduler webhookScheduler,
                ProcessorsConfig processorsConfig, DeadlinesConfig deadlines, AxonServerConfig axonServer,
                @ConfigProperty(name = "quarkus.application.name") String applicationName,
                @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout",
                        defaultValue = "PT60S") Duration transactionTimeout) {
        TransactionManager transactions = new JtaTransactionManager(jta);
        this.retry = new ConcurrencyRetry(() -> JtaTransactionManager.active(jta));
        // The token store's owner name (Axon's default form, pid@host), unique per running instance.
        String nodeId = ManagementFactory.getRuntimeMXBean().getName();
        this.membership = new ReplicaMembership(database.dataSource(), nodeId, processorsConfig.claimTimeout());
        Serializer serializer = EventSerialization.serializer();
        ConnectionProvider connections = new DataSourceConnectionProvider(database.dataSource());
        this.metricViews = new JpaMetricViewStore(database.entityManager(), ViewJson.mapper());
        this.teamViews = new JpaTeamViewStore(database.entityManager(), ViewJson.mapper());
        this.webhookSubscriptions = new JpaWebhookSubscriptionStore(database.entityManager());
        GenericEventMessage.clock = clock;

        AtomicReference<DbSchedulerDeadlineManager> deadlineManager = new AtomicReference<>();
        Scheduler deadlineScheduler = deadlineScheduler(database, clock, deadlineManager,
                deadlines.heartbeatInterval());

        JdbcEventStorageEngine jdbcStorage = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(EventSerialization.snapshotSerializer())
                .persistenceExceptionResolver(persistenceExceptions())
                .schema(eventSchema())
                .dataType(byte[].class)
                .upcasterChain(new EventUpcasterChain(EventUpcasters.all()))
                .gapTimeout(GapTimeout.checked(processorsConfig.gapTimeout(), transactionTimeout))
                .maxGapOffset(processorsConfig.maxGapOffset())
                .build();
        // Every append also writes its streams' hash chain, in the same transaction (SPEC "Security").
        EventStorageEngine storage = new HashChainingStorageEngine(jdbcStorage, connections, transactions);
        CommitAwareEventSource commitAware = new CommitAwareEventSource(storage, synchronizations);
        this.notifications = database.isPostgreSql() && processorsConfig.listenNotify() && !axonServer.enabled()
                ? new CommitNotifications(database.dataSource(), listenerConnections(), nodeId, commitAware::wakeAll)
                : null;
        if (notifications != null) {
            commitAware.alsoAfterCommit(notifications::committed);
        }
        if (notifications != null || !database.isPostgreSql()) {
            commitAware.pollIdleEvery(1_000);
        }

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions);
        if (axonServer.enabled()) {
            AxonServerRouting.route(configurer, AxonServerRouting.settings(axonServer, applicationName),
                    EventSerialization.snapshotSerializer());
        } else {
            configurer.configureEmbeddedEventStore(c -> storage);
        }
        configurer
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus()).retryScheduler(retry).build())
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
                        .nodeId(nodeId)
                        .claimTimeout(processorsConfig.claimTimeout())
                        .build())
                .registerEventHandler(c -> new MetricProjection(metricViews))
                .registerEventHandler(c -> new TeamProjection(teamViews))
                .registerEventHandler(c -> new WebhookSubscriptionProjection(webhookSubscriptions))
                .registerEventHandler(c -> new RotationDispatcher());
        for (String processor : List.of(METRIC_VIEWS, TEAM_VIEWS, ROTATION_DISPATCH)) {
            configurer.eventProcessing()
                    .registerPooledStreamingEventProcessor(processor,
                            c -> axonServer.enabled() ? c.eventStore() : commitAware,
                            (c, builder) -> builder.batchSize(100).initialSegmentCount(4)
                                    // Also how often an idle processor looks for events committed by other processes.
                                    .claimExtensionThreshold(1000)
                                    .tokenClaimInterval(TOKEN_CLAIM_INTERVAL_MILLIS)
                                    // Each instance claims its share; Axon releases what it holds beyond it.
                                    .maxSegmentProvider(membership))
                    .registerHandlerInterceptor(processor, c -> progress.signalAfterCommit(processor));
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
                    .registerPooledStreamingEventProcessor(WEBHOOK_OUTBOX,
                            c -> axonServer.enabled() ? c.eventStore() : commitAware,
                            (c, builder) -> builder.batchSize(50).initialSegmentCount(2)
                                    // A new installation (or one that just turned webhooks on) notifies from now
                                    // on, not about every deprecation in its history.
                                    .initialToken(StreamableMessageSource::createHeadToken)
                                    .claimExtensionThreshold(1000)
                                    .tokenClaimInterval(TOKEN_CLAIM_INTERVAL_MILLIS)
                                    .maxSegmentProvider(membership))
                    // An outbox must not skip an event it failed on: the segment retries it (with backoff).
                    .registerListenerInvocationErrorHandler(WEBHOOK_OUTBOX, c -> PropagatingErrorHandler.instance())
                    .registerHandlerInterceptor(WEBHOOK_OUTBOX, c -> (unitOfWork, chain) -> {
                        unitOfWork.afterCommit(committed -> webhookScheduler.wake());
                        return chain.proceed();
                    });
        }
        this.axon = configurer.buildConfiguration();
        if (!axonServer.enabled()) {
            axon.eventStore().registerDispatchInterceptor(events -> {
                commitAware.wakeAfterCommit();
                return (index, event) -> event;
            });
        }
        // Resolve it now: the deadline manager starts db-scheduler with Axon, and only if it exists by then.
        axon.deadlineManager();
    }

    void start(@Observes StartupEvent started) {
        // Counted among the live instances before the processors' first claim, so they claim only a fair share.
        membership.start();
        axon.start();
        if (notifications != null) {
            notifications.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        // Axon releases this instance's segments as it stops; leaving the membership then lets the others take
        // them at their next claim, without waiting for a timeout.
        axon.shutdown();
        if (notifications != null) {
            notifications.close();
        }
        membership.close();
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

    public Configuration configuration() {
        return axon;
    }

    private static Scheduler deadlineScheduler(ActiveDatabase database, Clock clock,
                                               AtomicReference<DbSchedulerDeadlineManager> manager,
                                               Duration heartbeat) {
        var builder = Scheduler.create(database.dataSource(), DeadlineTask.create(manager::get))
                .tableName("scheduled_tasks")
                .serializer(new JacksonSerializer())
                .clock(clock::instant)
                .threads(2)
                // Deadlines are due to the second in tests and demos; the default is 10 s.
                .pollingInterval(Duration.ofSeconds(1))
                // A deadline that was running when its node died is retried by another node after 4 missed
                // heartbeats (~40 s at the default 10 s), not db-scheduler's default ~30 min. Each deadline runs on
                // one node: db-scheduler picks an execution with an optimistic update of its row.
                .heartbeatInterval(heartbeat)
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
        login.setProperty("ApplicationName", "metric-lifecycle-listener");
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
