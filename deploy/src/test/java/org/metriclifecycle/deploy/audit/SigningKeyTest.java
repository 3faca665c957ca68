package org.metriclifecycle.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Test
    void aKeyReadBackFromItsPemSignsAndPublishesAsTheOriginal() {
        SigningKey original = SigningKey.generate();
        SigningKey read = SigningKey.fromPem(original.toPem(), "test.pem");
        assertThat(read.publicKey()).isEqualTo(original.publicKey());
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Base64.getDecoder().decode(read.sign(message));
        assertThat(original.verifies(message, signature)).isTrue();
        assertThat(original.verifies("other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(read.isPublicKey(Base64.getDecoder().decode(original.publicKey()))).isTrue();
        assertThat(read.isPublicKey(Base64.getDecoder().decode(SigningKey.generate().publicKey()))).isFalse();
    }

    @Test
    void aFileWithoutAPrivateKeyIsRefusedByName() {
        assertThatThrownBy(() -> SigningKey.fromPem("not a key", "/keys/audit.key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/keys/audit.key");
    }

    @Test
    void theDigestCoversEveryFieldOfEveryHeadAndTheOrder() {
        List<ChainHead> heads = List.of(new ChainHead("m1", 3, A), new ChainHead("m2", 0, B));
        String digest = CheckpointDigest.of(heads);
        assertThat(digest).matches("[0-9a-f]{64}").isEqualTo(CheckpointDigest.of(List.copyOf(heads)));
        assertThat(CheckpointDigest.of(List.of(new ChainHead("m1", 2, A), heads.get(1)))).isNotEqualTo(digest);
        assertThat(CheckpointDigest.of(List.of(new ChainHead("m1", 3, B), heads.get(1)))).isNotEqualTo(digest);
        assertThat(CheckpointDigest.of(List.of(heads.get(0)))).isNotEqualTo(digest);
        assertThat(CheckpointDigest.of(List.of(heads.get(1), heads.get(0)))).isNotEqualTo(digest);
        // Framing: moving a character from one id to the next is another list.
        assertThat(CheckpointDigest.of(List.of(new ChainHead("m", 13, A))))
                .isNotEqualTo(CheckpointDigest.of(List.of(new ChainHead("m1", 3, A))));
    }
}
