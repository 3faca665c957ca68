package org.metriclifecycle.deploy.security;

import java.util.Locale;
import java.util.Optional;

/** SPEC's roles, as they appear in tokens' groups and in the users file (lower case). */
public enum Role {
    VIEWER,
    CONTRIBUTOR,
    PIPELINE,
    LEAD,
    ADMIN;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
