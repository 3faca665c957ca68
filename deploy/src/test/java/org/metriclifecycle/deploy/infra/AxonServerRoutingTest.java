package org.metriclifecycle.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The Axon Server switch builds the connector's command bus, query bus and event store from our settings, without
 * connecting (no Axon Server is reachable here: building must not need one). Off by default.
 */
class AxonServerRoutingTest {

    @Test
    void isOffByDefault() {
        assertThat(config(Map.of()).enabled()).isFalse();
    }

    @Test
    void routesCommandsEventsAndQueriesThroughAxonServerWithoutConnecting() {
        AxonServerConfig settings = config(Map.of(
                "metrics.axon-server.enabled", "true",
                "metrics.axon-server.servers", "axonserver-1:8124,axonserver-2:8124",
                "metrics.axon-server.context", "metrics",
                "metrics.axon-server.token", "secret-token",
                "metrics.axon-server.ssl-enabled", "true"));
        Serializer serializer = EventSerialization.serializer();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer);
        AxonServerRouting.route(configurer, AxonServerRouting.settings(settings, "metric-lifecycle"),
                EventSerialization.snapshotSerializer());

        Configuration axon = configurer.buildConfiguration();

        AxonServerConfiguration connection = axon.getComponent(AxonServerConfiguration.class);
        assertThat(connection.getServers()).isEqualTo("axonserver-1:8124,axonserver-2:8124");
        assertThat(connection.getContext()).isEqualTo("metrics");
        assertThat(connection.getComponentName()).isEqualTo("metric-lifecycle");
        assertThat(connection.getToken()).isEqualTo("secret-token");
        assertThat(connection.isSslEnabled()).isTrue();
        assertThat(axon.commandBus()).isInstanceOf(AxonServerCommandBus.class);
        assertThat(axon.queryBus()).isInstanceOf(AxonServerQueryBus.class);
        assertThat(axon.eventStore()).isInstanceOf(AxonServerEventStore.class);
        assertThat(axon.eventBus()).isSameAs(axon.eventStore());
        assertThat(axon.getComponent(AxonServerConnectionManager.class).isConnected("metrics")).isFalse();
    }

    @Test
    void leavesTheTokenAndTlsUnsetUnlessConfigured() {
        AxonServerConfiguration connection = AxonServerRouting.settings(config(Map.of(
                "metrics.axon-server.enabled", "true")), "metric-lifecycle");
        assertThat(connection.getServers()).isEqualTo("localhost:8124");
        assertThat(connection.getContext()).isEqualTo("default");
        assertThat(Optional.ofNullable(connection.getToken())).isEmpty();
        assertThat(connection.isSslEnabled()).isFalse();
    }

    private static AxonServerConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(AxonServerConfig.class)
                .build();
        return config.getConfigMapping(AxonServerConfig.class);
    }
}
