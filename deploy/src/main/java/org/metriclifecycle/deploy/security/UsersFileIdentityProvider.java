package org.metriclifecycle.deploy.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** HTTP Basic against the users file; refuses everyone when the service runs with OIDC bearer tokens instead. */
@ApplicationScoped
public class UsersFileIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final boolean enabled;
    private final UsersFile users;

    @Inject
    UsersFileIdentityProvider(AuthConfig config) {
        this.enabled = AuthConfig.BASIC.equals(config.resolvedMode());
        this.users = enabled ? UsersFile.load(config.usersFile()) : null;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        if (!enabled) {
            return Uni.createFrom().failure(new AuthenticationFailedException("sign in with a bearer token"));
        }
        return users.find(request.getUsername())
                .filter(user -> user.matches(request.getPassword().getPassword()))
                .map(user -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user.name()))
                        .addRoles(user.roles())
                        .addAttribute(CallerIdentity.TEAMS_ATTRIBUTE, user.teams())
                        .addCredential(request.getPassword())
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown user or wrong password")));
    }
}
