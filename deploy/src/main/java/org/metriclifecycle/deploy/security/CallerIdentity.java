package org.metriclifecycle.deploy.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/** The request's authenticated caller, whichever mechanism (HTTP Basic or an OIDC bearer token) signed them in. */
@RequestScoped
public class CallerIdentity {

    /** The identity attribute holding the caller's teams, set by the identity provider or the token augmentor. */
    public static final String TEAMS_ATTRIBUTE = "metrics.teams";

    @Inject
    SecurityIdentity identity;

    public Optional<Caller> current() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(role -> Role.fromClaim(role).ifPresent(roles::add));
        Set<String> teams = new HashSet<>();
        Object attribute = identity.getAttribute(TEAMS_ATTRIBUTE);
        if (attribute instanceof Collection<?> values) {
            values.forEach(value -> teams.add(String.valueOf(value)));
        }
        return Optional.of(new Caller(identity.getPrincipal().getName(), roles, teams));
    }
}
