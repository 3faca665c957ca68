package org.metriclifecycle.deploy.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery came from this service and was not altered: an HMAC-SHA256 of the exact body
 * bytes, keyed with the subscription's secret (its UTF-8 text), sent as {@code sha256=<lowercase hex>}. The same as
 * {@code printf %s "$body" | openssl dgst -sha256 -hmac "$secret"}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Metrics-Signature";
    public static final String EVENT_HEADER = "X-Metrics-Event";
    public static final String DELIVERY_HEADER = "X-Metrics-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Metrics-Timestamp";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] offered;
        try {
            offered = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), offered);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java runtime ships HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
