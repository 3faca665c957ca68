package org.metriclifecycle.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path temp;

    @Test
    void aMissingFileIsMadeInAPrivateDirectoryWithMode0600WhenAllowed() throws Exception {
        Path file = temp.resolve("data/keys/secrets.key");
        byte[] made = KeyFile.readOrCreate(file, "metrics.secrets.key-file", true,
                () -> "k\n".getBytes(StandardCharsets.US_ASCII), "make one");
        assertThat(made).isEqualTo("k\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("data"))))
                .isEqualTo("rwx------");
        assertThat(KeyFile.readOrCreate(file, "metrics.secrets.key-file", true,
                () -> "other".getBytes(StandardCharsets.US_ASCII), "make one")).as("read, not made again")
                .isEqualTo(made);
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aMissingFileIsAClearStartUpErrorWhenNotAllowed() {
        Path file = temp.resolve("secrets.key");
        assertThatThrownBy(() -> KeyFile.readOrCreate(file, "metrics.secrets.key-file", false,
                () -> new byte[1], "openssl rand -base64 32 > " + file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("metrics.secrets.key-file")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageContaining("metrics.secrets.create-missing-key=true");
        assertThat(file).doesNotExist();
    }

    @Test
    void anExistingFileReadableByOthersIsTightened() throws Exception {
        Path file = temp.resolve("audit-signing.key");
        Files.writeString(file, "pem");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeyFile.readOrCreate(file, "metrics.audit.signing-key-file", false, () -> new byte[0], "make one");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aTreeIsMadePrivate() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("data"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path database = Files.writeString(directory.resolve("metrics.mv.db"), "h2");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.restrictTree(directory);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
    }
}
