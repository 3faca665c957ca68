package org.metriclifecycle.deploy.infra;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Routing commands, events and queries through Axon Server instead of the JDBC event store (README "Axon Server").
 * Off by default; tokens, deadlines and read models stay in the database either way.
 */
@ConfigMapping(prefix = "metrics.axon-server")
public interface AxonServerConfig {

    @WithDefault("false")
    boolean enabled();

    /** Comma-separated host:port list of Axon Server nodes (gRPC port, 8124 by default). */
    @WithDefault("localhost:8124")
    String servers();

    /** The Axon Server context the events and messages live in. */
    @WithDefault("default")
    String context();

    /** The access token, when Axon Server requires one (Enterprise access control). */
    Optional<String> token();

    /** TLS to Axon Server. */
    @WithDefault("false")
    boolean sslEnabled();

    /** A trusted certificate (PEM) for TLS, when the server's is not signed by a CA the JVM trusts. */
    Optional<String> certFile();
}
