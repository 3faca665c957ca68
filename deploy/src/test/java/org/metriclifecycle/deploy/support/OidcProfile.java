package org.metriclifecycle.deploy.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Production sign-in: OIDC bearer tokens, verified with a test key pair instead of a provider's published keys.
 * Tests mint their tokens with smallrye-jwt-build ({@link Tokens}).
 */
public class OidcProfile implements QuarkusTestProfile {

    public static final String ISSUER = "https://issuer.metric-lifecycle.test";
    public static final String AUDIENCE = "metric-lifecycle";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of(
                "metrics.auth.mode", "oidc",
                "quarkus.oidc.public-key", publicKey(),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.token.audience", AUDIENCE,
                "smallrye.jwt.sign.key.location", "test-private-key.pem")));
    }

    /** The PEM body: quarkus-oidc takes the base64 key without its armour. */
    private static String publicKey() {
        try (InputStream pem = OidcProfile.class.getClassLoader().getResourceAsStream("test-public-key.pem")) {
            return new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
