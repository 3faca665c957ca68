package org.metriclifecycle.deploy.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Signed checkpoints (SPEC "Security"; docs/audit.md). */
@ConfigMapping(prefix = "metrics.audit")
public interface AuditConfig {

    /** The Ed25519 signing key: a PEM "PRIVATE KEY" (PKCS#8), as {@code openssl genpkey -algorithm ed25519} writes. */
    @WithDefault("${metrics.data-dir}/audit-signing.key")
    Path signingKeyFile();

    /**
     * Whether a missing signing key file is made on start. Unset: made on the embedded default (H2), a start-up error
     * on PostgreSQL, where every instance must sign with the one key an operator provides.
     */
    Optional<Boolean> createMissingKey();

    /** How often a checkpoint is made (once in the cluster, and only when some stream moved since the last one). */
    @WithDefault("PT1H")
    Duration checkpointInterval();
}
