package org.metriclifecycle.deploy.security;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Secrets at rest (SPEC "Security"; docs/audit.md "Keys and secrets at rest"). */
@ConfigMapping(prefix = "metrics.secrets")
public interface SecretsConfig {

    /** The AES-256 key that encrypts webhook secrets in the database: 32 random bytes, base64, in a 0600 file. */
    @WithDefault("${metrics.data-dir}/secrets.key")
    Path keyFile();

    /**
     * Whether a missing key file is made on start. Unset: made on the embedded default (H2), a start-up error on
     * PostgreSQL, where all instances must share one key that an operator provides.
     */
    Optional<Boolean> createMissingKey();
}
