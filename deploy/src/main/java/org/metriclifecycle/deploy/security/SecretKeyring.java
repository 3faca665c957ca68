package org.metriclifecycle.deploy.security;

import org.metriclifecycle.deploy.ops.ActiveDatabase;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The key from {@code metrics.secrets.key-file} (made on first start on the embedded default), as a cipher. */
@Singleton
public class SecretKeyring {

    static final String SETTING = "metrics.secrets.key-file";

    private final SecretCipher cipher;

    @Inject
    SecretKeyring(SecretsConfig config, ActiveDatabase database) {
        boolean create = config.createMissingKey().orElse(!database.isPostgreSql());
        byte[] text = KeyFile.readOrCreate(config.keyFile(), SETTING, create,
                () -> (Base64.getEncoder().encodeToString(SecretCipher.newKey()) + "\n")
                        .getBytes(StandardCharsets.US_ASCII),
                "openssl rand -base64 32 > " + config.keyFile());
        byte[] key;
        try {
            key = Base64.getDecoder().decode(new String(text, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + ": " + config.keyFile() + " does not hold base64", e);
        }
        this.cipher = new SecretCipher(key, config.keyFile().toAbsolutePath().normalize().toString());
    }

    public SecretCipher cipher() {
        return cipher;
    }
}
