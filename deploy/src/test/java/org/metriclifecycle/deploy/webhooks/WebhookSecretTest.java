package org.metriclifecycle.deploy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void aSecretIs256RandomBitsInShellSafeText() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSecret.generate();
            assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void theFingerprintIsTheSha256OfTheSecretsText() {
        // printf %s whsec_test | sha256sum
        assertThat(WebhookSecret.fingerprint("whsec_test"))
                .isEqualTo("sha256:609b97b03239401be8235dd68f4a53ea4e32183a775fb958b1c745e173586d73");
    }
}
