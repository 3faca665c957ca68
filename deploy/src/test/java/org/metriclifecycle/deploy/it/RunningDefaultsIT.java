package org.metriclifecycle.deploy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.FreshPostgres;
import org.metriclifecycle.deploy.support.PackagedService;

/**
 * The packaged jar picks its defaults from metrics.db at run time, whatever the build saw: the embedded H2 default
 * listens on loopback with the users file; PostgreSQL listens on all interfaces, insists on an OIDC provider
 * unless told to use the users file, and on the key files an operator provides (docs/audit.md).
 */
class RunningDefaultsIT {

    @Test
    void theEmbeddedDefaultListensOnLoopback() throws Exception {
        Path log = Path.of("target", "running-defaults", "h2.log");
        Files.deleteIfExists(log);
        Map<String, String> config = Map.of("metrics.data-dir", Files.createTempDirectory("metrics-h2").toString());
        try (PackagedService service = new PackagedService(config, log).start()) {
            assertThat(service.get("/api/v1/metrics").statusCode()).isEqualTo(200);
        }
        assertThat(Files.readString(log)).contains("Listening on: http://127.0.0.1:");
    }

    @Test
    void postgresqlWithoutAnIdentityProviderRefusesToStart() throws Exception {
        Path log = Path.of("target", "running-defaults", "pg-no-oidc.log");
        Files.deleteIfExists(log);
        try (FreshPostgres database = FreshPostgres.create()) {
            assertThatThrownBy(() -> new PackagedService(database.serviceConfig(), log).start())
                    .hasMessageContaining("exited");
            assertThat(Files.readString(log)).contains("quarkus.oidc.auth-server-url");
        }
    }

    @Test
    void postgresqlWithoutItsKeyFilesRefusesToStartAndSaysWhichAndHow() throws Exception {
        Path log = Path.of("target", "running-defaults", "pg-no-keys.log");
        Files.deleteIfExists(log);
        Path missing = Files.createTempDirectory("metrics-no-keys");
        try (FreshPostgres database = FreshPostgres.create()) {
            Map<String, String> config = new HashMap<>(database.serviceConfig());
            config.put("metrics.auth.mode", "basic");
            config.put("metrics.secrets.key-file", missing.resolve("secrets.key").toString());
            config.put("metrics.audit.signing-key-file", missing.resolve("audit-signing.key").toString());
            assertThatThrownBy(() -> new PackagedService(config, log).start()).hasMessageContaining("exited");
            assertThat(Files.readString(log)).contains("does not exist", missing.toString(), "create-missing-key");
        }
        try (var made = Files.list(missing)) {
            assertThat(made).as("no key made on PostgreSQL").isEmpty();
        }
    }

    @Test
    void postgresqlWithTheUsersFileListensOnAllInterfaces() throws Exception {
        Path log = Path.of("target", "running-defaults", "pg-basic.log");
        Files.deleteIfExists(log);
        try (FreshPostgres database = FreshPostgres.create()) {
            Map<String, String> config = new HashMap<>(database.serviceConfig());
            config.put("metrics.auth.mode", "basic");
            try (PackagedService service = new PackagedService(config, log).start()) {
                assertThat(service.get("/api/v1/metrics").statusCode()).isEqualTo(200);
            }
            assertThat(Files.readString(log)).contains("Listening on: http://0.0.0.0:");
        }
    }
}
