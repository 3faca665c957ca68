package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Bearer tokens as an OIDC provider would issue them, signed with the test key ({@link OidcProfile}). */
public final class Tokens {

    private Tokens() {
    }

    public static JwtClaimsBuilder claims(String user, String role, List<String> teams) {
        return Jwt.issuer(OidcProfile.ISSUER).audience(OidcProfile.AUDIENCE).upn(user)
                .groups(Set.of(role)).claim("teams", teams).expiresIn(300);
    }

    public static String token(String user, String role, List<String> teams) {
        return claims(user, role, teams).sign();
    }
}
