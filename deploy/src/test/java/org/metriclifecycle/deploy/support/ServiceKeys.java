package org.metriclifecycle.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The two key files an operator provides before starting the service on PostgreSQL (where it makes none itself):
 * the secrets key and the checkpoint signing key, in a directory of the test database's own, 0600.
 */
public final class ServiceKeys {

    private ServiceKeys() {
    }

    /** Makes both files and answers the settings that name them. */
    public static Map<String, String> provision() {
        Path directory = Path.of("target", "pg-keys-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(directory);
            byte[] secretsKey = new byte[32];
            new SecureRandom().nextBytes(secretsKey);
            Path secrets = write(directory.resolve("secrets.key"),
                    Base64.getEncoder().encodeToString(secretsKey) + "\n");
            byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
            Path signing = write(directory.resolve("audit-signing.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n");
            return Map.of("metrics.secrets.key-file", secrets.toString(),
                    "metrics.audit.signing-key-file", signing.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
