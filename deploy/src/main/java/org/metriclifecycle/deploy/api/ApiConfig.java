package org.metriclifecycle.deploy.api;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "metrics.api")
public interface ApiConfig {

    /**
     * How long the first answer to a write sent with an {@code Idempotency-Key} is kept: a retry with the same key
     * within this time gets that answer back; afterwards the key counts as unused.
     */
    @WithDefault("P1D")
    Duration idempotencyRetention();

    /**
     * The largest request body the API reads (413 beyond it, announced or chunked). The transport's own limit
     * ({@code quarkus.http.limits.max-body-size}) must stay above it.
     */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /**
     * The longest request line the API reads (414 with a problem document beyond it). The transport's own limit
     * ({@code quarkus.http.limits.max-initial-line-length}) stays above it; past that Vert.x answers a bare 414.
     */
    @WithDefault("4096")
    int maxRequestLine();

    default long maxBodyBytes() {
        return maxBodySize().asLongValue();
    }
}
