package org.metriclifecycle.deploy.infra;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.ServerConnectorConfigurerModule;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.serialization.Serializer;

/**
 * Routes commands, events and queries through Axon Server (metrics.axon-server.enabled): the connector's own module
 * builds the command bus, the query bus and the connection manager, and the event store is built here so snapshots
 * keep their field-level serializer. Nothing connects until Axon starts. Token store, deadlines and read models stay
 * on the database, so the processors' segments, the deadlines and the API's reads work as on the JDBC store.
 */
final class AxonServerRouting {

    private AxonServerRouting() {
    }

    /** The connector's settings from ours; {@code componentName} is how the instances appear in Axon Server. */
    static AxonServerConfiguration settings(AxonServerConfig config, String componentName) {
        AxonServerConfiguration.Builder settings = AxonServerConfiguration.builder()
                .servers(config.servers())
                .context(config.context())
                .componentName(componentName);
        config.token().ifPresent(settings::token);
        AxonServerConfiguration built = settings.build();
        if (config.sslEnabled()) {
            built.setSslEnabled(true);
            config.certFile().ifPresent(built::setCertFile);
        }
        return built;
    }

    static void route(Configurer configurer, AxonServerConfiguration settings, Serializer snapshotSerializer) {
        // Called directly, not discovered: the configuration is built without ServiceLoader modules.
        new ServerConnectorConfigurerModule().configureModule(configurer);
        configurer.registerComponent(AxonServerConfiguration.class, c -> settings);
        configurer.configureEventStore(c -> AxonServerEventStore.builder()
                .configuration(settings)
                .platformConnectionManager(c.getComponent(AxonServerConnectionManager.class))
                .eventSerializer(c.eventSerializer())
                .snapshotSerializer(snapshotSerializer)
                .snapshotFilter(c.snapshotFilter())
                .upcasterChain(c.upcasterChain())
                .messageMonitor(c.messageMonitor(AxonServerEventStore.class, "eventStore"))
                .spanFactory(c.getComponent(EventBusSpanFactory.class))
                .build());
    }
}
