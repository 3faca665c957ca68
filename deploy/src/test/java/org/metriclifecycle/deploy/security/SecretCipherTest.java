package org.metriclifecycle.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "whsec_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private final SecretCipher cipher = new SecretCipher(SecretCipher.newKey(), "/keys/secrets.key");

    @Test
    void aSealedSecretHoldsNoTraceOfItAndOpensToIt() {
        String sealed = cipher.seal("sub-1", SECRET);
        assertThat(sealed).startsWith("v1:").doesNotContain(SECRET).doesNotContain("whsec_");
        assertThat(sealed.length()).as("fits webhook_secret.secret").isLessThanOrEqualTo(128);
        assertThat(SecretCipher.sealed(sealed)).isTrue();
        assertThat(SecretCipher.sealed(SECRET)).isFalse();
        assertThat(cipher.open("sub-1", sealed)).isEqualTo(SECRET);
    }

    @Test
    void everySealingUsesAFreshNonce() {
        assertThat(cipher.seal("sub-1", SECRET)).isNotEqualTo(cipher.seal("sub-1", SECRET));
    }

    @Test
    void aWrongKeyFailsLoudlyNamingTheKeyFile() {
        String sealed = new SecretCipher(SecretCipher.newKey(), "other").seal("sub-1", SECRET);
        assertThatThrownBy(() -> cipher.open("sub-1", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt with the key in /keys/secrets.key");
    }

    @Test
    void aValueMovedToAnotherRowDoesNotOpenThere() {
        String sealed = cipher.seal("sub-1", SECRET);
        assertThatThrownBy(() -> cipher.open("sub-2", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sub-2");
    }

    @Test
    void anAlteredOrPlainValueIsRefused() {
        String sealed = cipher.seal("sub-1", SECRET);
        // A character in the middle: all six of its bits are data (the last one may carry unused bits).
        int middle = sealed.length() / 2;
        String altered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A')
                + sealed.substring(middle + 1);
        assertThatThrownBy(() -> cipher.open("sub-1", altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("sub-1", SECRET)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not sealed");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16], "short.key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
