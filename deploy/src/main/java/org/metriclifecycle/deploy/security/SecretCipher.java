package org.metriclifecycle.deploy.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a secret for the database with AES-256-GCM: {@code v1:} then base64 of a random 12-byte nonce and the
 * ciphertext with its 16-byte tag. The row's id is the associated data, so a sealed value copied into another row
 * does not open there. The {@code v1} names this key and layout: a rotated key would seal as {@code v2:} and open
 * both while the rows are re-sealed.
 */
public final class SecretCipher {

    public static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyName;

    /**
     * @param keyName where the key came from, for the message when a value does not open
     */
    public SecretCipher(byte[] key, String keyName) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(keyName + " must hold " + KEY_BYTES + " bytes (base64), not "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyName = keyName;
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Whether a stored value is sealed (by any version) rather than a plain secret from before encryption. */
    public static boolean sealed(String stored) {
        return stored != null && stored.matches("v[0-9]+:.*");
    }

    public String seal(String rowId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, rowId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws IllegalStateException when the value is not sealed with this key for this row: say so, loudly */
    public String open(String rowId, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("the stored secret of " + rowId + " is not sealed with " + VERSION
                    + " (a plain value left over, or a newer version)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stored secret of " + rowId + " is not base64", e);
        }
        if (raw.length <= NONCE_BYTES) {
            throw new IllegalStateException("the stored secret of " + rowId + " is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(raw, NONCE_BYTES), rowId);
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the stored secret of " + rowId + " does not decrypt with the key in "
                    + keyName + ": a different key than the one that sealed it, or the value was moved or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String rowId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
