package org.metriclifecycle.deploy.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Reads the teams a token's bearer belongs to from the configured claim (a JSON array or a space/comma list). */
@ApplicationScoped
public class TokenTeamsAugmentor implements SecurityIdentityAugmentor {

    @Inject
    AuthConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> teams = new LinkedHashSet<>();
        Object claim = token.getClaim(config.teamsClaim());
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> teams.add(unquote(String.valueOf(value))));
        } else if (claim != null) {
            Arrays.stream(unquote(String.valueOf(claim)).split("[ ,]+")).filter(s -> !s.isBlank()).forEach(teams::add);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(CallerIdentity.TEAMS_ATTRIBUTE, teams).build());
    }

    /** JSON-P string values print with their quotes. */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
