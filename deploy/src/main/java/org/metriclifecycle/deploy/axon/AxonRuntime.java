package org.metriclifecycle.deploy.axon;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.query.metric.jpa.JpaMetricViewStore;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Assembles Axon from the beans around it: the event store ({@link EventStorage}), the aggregates
 * ({@link Aggregates}), the event handlers ({@link Processors}), durable deadlines ({@link Deadlines}) and the query
 * handlers; it hands the HTTP layer the two gateways. Starts after Flyway.
 * <p>
 * One transaction per write (docs/design.md "How it works"): a command's events, chain links, views, deadlines and
 * outbox rows commit together. Several instances may share one database: a command that lost a race for a stream
 * to another instance is retried once ({@link ConcurrencyRetry}).
 */
@Singleton
public class AxonRuntime {

    static {
        // Axon reads these as system properties: no update check calling out, no console banner.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private final Configuration axon;
    private final JpaMetricViewStore metricViews;
    private final ConcurrencyRetry retry;

    @Inject
    AxonRuntime(EventStore events, TransactionManager transactions, jakarta.transaction.TransactionManager jta,
                Aggregates aggregates, DomainSettings settings, Processors processors, Deadlines deadlines,
                QueryHandlers queries, JpaMetricViewStore metricViews, Clock clock) {
        this.metricViews = metricViews;
        this.retry = new ConcurrencyRetry(() -> JtaTransactionManager.active(jta));
        // Axon stamps events from this static clock: the service's one clock, so tests can move time.
        GenericEventMessage.clock = clock;
        Serializer serializer = EventSerialization.serializer();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEventStore(c -> events)
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus()).retryScheduler(retry).build())
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.REASON)))
                .registerComponent(Clock.class, c -> clock)
                .configureDeadlineManager(c -> deadlines.manager(c, transactions));
        settings.registerInto(configurer);
        aggregates.configure(configurer);
        for (Object handler : queries.all()) {
            configurer.registerQueryHandler(c -> handler);
        }
        processors.register(configurer.eventProcessing());
        this.axon = configurer.buildConfiguration();
        aggregates.guard(axon);
        // Resolve it now: the deadline manager starts db-scheduler with Axon, and only if it exists by then.
        axon.deadlineManager();
    }

    void start(@Observes StartupEvent started) {
        metricViews.fillDerivedColumns();
        axon.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        axon.shutdown();
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
}
