package org.metriclifecycle.deploy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void matchesTheRfc4231TestVector() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookSignature.sign("Jefe", utf8("what do ya want for nothing?")))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void matchesWhatOpensslComputesForABody() {
        // printf %s '{"deliveryId":"d-1","kind":"metric.deprecated"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", utf8("{\"deliveryId\":\"d-1\",\"kind\":\"metric.deprecated\"}")))
                .isEqualTo("sha256=ea3018564a103112a03b9b0efa11fb695973d5e73f6fa7fb1f7dea25d0b2ad16");
    }

    @Test
    void verifiesItsOwnSignatureAndNothingElse() {
        byte[] body = utf8("{\"text\":\"Metric \\\"x\\\" was deprecated\"}");
        String signature = WebhookSignature.sign("whsec_abc", body);

        assertThat(WebhookSignature.verify("whsec_abc", body, signature)).isTrue();
        assertThat(WebhookSignature.verify("whsec_abd", body, signature)).as("another secret").isFalse();
        assertThat(WebhookSignature.verify("whsec_abc", utf8("{\"text\":\"tampered\"}"), signature)).isFalse();
        assertThat(WebhookSignature.verify("whsec_abc", body, signature.substring("sha256=".length())))
                .as("without its algorithm prefix").isFalse();
        assertThat(WebhookSignature.verify("whsec_abc", body, "sha256=not-hex")).isFalse();
        assertThat(WebhookSignature.verify("whsec_abc", body, null)).isFalse();
    }

    @Test
    void signsTheExactBytesSoWhitespaceAndEncodingMatter() {
        assertThat(WebhookSignature.sign("k", utf8("{\"a\":1}"))).isNotEqualTo(WebhookSignature.sign("k", utf8("{\"a\": 1}")));
        assertThat(WebhookSignature.sign("k", utf8("é"))).isNotEqualTo(
                WebhookSignature.sign("k", "é".getBytes(StandardCharsets.ISO_8859_1)));
    }
}
