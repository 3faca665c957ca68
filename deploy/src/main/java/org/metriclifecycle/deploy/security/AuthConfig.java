package org.metriclifecycle.deploy.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How callers sign in. {@code mode} is {@code basic} (users file; the embedded default) or {@code oidc} (bearer
 * tokens from any OIDC provider; the default on PostgreSQL). See {@link org.metriclifecycle.deploy.ops.DatabaseSelection}.
 */
@ConfigMapping(prefix = "metrics.auth")
public interface AuthConfig {

    String BASIC = "basic";
    String OIDC = "oidc";

    /** The sign-in the operator chose; when absent it follows the database. The one in force: {@link #resolvedMode()}. */
    Optional<String> mode();

    /** Derived by {@link org.metriclifecycle.deploy.ops.DatabaseSelection}: {@code basic} or {@code oidc}. */
    String resolvedMode();

    /** A users file to use instead of the built-in demo users (docs/security.md gives its format). */
    Optional<String> usersFile();

    /** The token claim that lists the teams a person belongs to. */
    @WithDefault("teams")
    String teamsClaim();
}
