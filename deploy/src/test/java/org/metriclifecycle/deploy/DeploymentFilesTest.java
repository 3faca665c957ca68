package org.metriclifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files parse, and say what the operator guide promises: no Docker engine or cluster exists on the
 * build machines, so this is the check they get (SnakeYAML arrives with Quarkus's OpenAPI support).
 */
class DeploymentFilesTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

    @Test
    void theDeploymentRunsTwoNonRootReplicasWithProbesLimitsConfigAndSecrets() throws IOException {
        Map<String, Object> deployment = single("kubernetes/deployment.yaml");
        assertThat(deployment.get("kind")).isEqualTo("Deployment");
        Map<String, Object> spec = map(deployment, "spec");
        assertThat(spec.get("replicas")).isEqualTo(2);
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 185);
        Map<String, Object> container = list(pod, "containers").get(0);
        assertThat(path(map(container, "readinessProbe"))).isEqualTo("/q/health/ready");
        assertThat(path(map(container, "livenessProbe"))).isEqualTo("/q/health/live");
        assertThat(map(map(container, "resources"), "limits")).containsKeys("cpu", "memory");
        assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
        assertThat(map(list(container, "envFrom").get(0), "configMapRef")).containsEntry("name", "metric-lifecycle");
        List<String> fromSecrets = new ArrayList<>();
        for (Map<String, Object> variable : list(container, "env")) {
            Map<String, Object> secret = map(map(variable, "valueFrom"), "secretKeyRef");
            assertThat(secret).containsEntry("name", "metric-lifecycle");
            fromSecrets.add((String) variable.get("name"));
        }
        assertThat(fromSecrets).contains("METRICS_DB_PASSWORD", "METRICS_DB_OWNER_PASSWORD",
                "QUARKUS_OIDC_CREDENTIALS_SECRET");
        // The two key files the service refuses to start without on PostgreSQL, from the Secret, for every replica.
        Map<String, Object> keys = list(pod, "volumes").stream().filter(volume -> "keys".equals(volume.get("name")))
                .findFirst().orElseThrow();
        assertThat(map(keys, "secret")).containsEntry("secretName", "metric-lifecycle");
        assertThat(list(map(keys, "secret"), "items")).extracting(item -> item.get("path"))
                .containsExactlyInAnyOrder("secrets.key", "audit-signing.key");
        assertThat(list(container, "volumeMounts")).anySatisfy(mount -> assertThat(mount)
                .containsEntry("name", "keys").containsEntry("mountPath", "/etc/metric-lifecycle/keys"));
    }

    @Test
    void theConfigMapServiceAndSecretMatchTheDeployment() throws IOException {
        Map<String, Object> config = single("kubernetes/configmap.yaml");
        assertThat(map(config, "data")).containsEntry("METRICS_DB", "postgresql")
                .containsKeys("METRICS_DB_URL", "METRICS_DB_USERNAME", "QUARKUS_OIDC_AUTH_SERVER_URL",
                        "METRICS_DEADLINES_HEARTBEAT_INTERVAL")
                .containsEntry("METRICS_SECRETS_KEY_FILE", "/etc/metric-lifecycle/keys/secrets.key")
                .containsEntry("METRICS_AUDIT_SIGNING_KEY_FILE", "/etc/metric-lifecycle/keys/audit-signing.key")
                .doesNotContainKeys("METRICS_DB_PASSWORD", "METRICS_DB_OWNER_PASSWORD");
        Map<String, Object> service = single("kubernetes/service.yaml");
        assertThat(map(map(service, "spec"), "selector"))
                .containsEntry("app.kubernetes.io/name", "metric-lifecycle");
        assertThat(list(map(service, "spec"), "ports").get(0)).containsEntry("targetPort", "http");
        Map<String, Object> secret = single("kubernetes/secret.example.yaml");
        assertThat(map(secret, "stringData")).containsKeys("db-password", "db-owner-password", "oidc-client-secret",
                "secrets.key", "audit-signing.key");
        assertThat(single("kubernetes/poddisruptionbudget.yaml").get("kind")).isEqualTo("PodDisruptionBudget");
    }

    @Test
    void composeRunsPostgresAndTwoReplicas() throws IOException {
        Map<String, Object> compose = single("compose.yaml");
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsOnlyKeys("postgres", "replica-1", "replica-2");
        assertThat(map(compose, "secrets")).containsOnlyKeys("secrets-key", "audit-signing-key");
        Map<String, Object> postgres = map(services, "postgres");
        assertThat(postgres.get("image")).isEqualTo("postgres:16");
        assertThat(postgres).containsKeys("healthcheck", "volumes");
        for (String name : List.of("replica-1", "replica-2")) {
            Map<String, Object> replica = map(services, name);
            assertThat(map(map(replica, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
            assertThat(map(replica, "environment")).containsEntry("METRICS_DB", "postgresql")
                    .containsKeys("METRICS_DB_URL", "METRICS_DB_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL",
                            "METRICS_SECRETS_KEY_FILE", "METRICS_AUDIT_SIGNING_KEY_FILE");
            @SuppressWarnings("unchecked")
            List<Object> secrets = (List<Object>) replica.get("secrets");
            assertThat(secrets).containsExactly("secrets-key", "audit-signing-key");
            assertThat(map(replica, "build")).containsEntry("dockerfile", "src/main/docker/Dockerfile.jvm");
        }
    }

    @Test
    void theImageFollowsQuarkusJvmConventions() throws IOException {
        String dockerfile = Files.readString(MODULE.resolve("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile).contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:",
                "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/", "USER 185", "JAVA_OPTS_APPEND",
                "ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]");
    }

    private static Map<String, Object> single(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(MODULE.resolve(file))) {
            List<Object> documents = new ArrayList<>();
            new Yaml().loadAll(reader).forEach(documents::add);
            assertThat(documents).as(file).hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) documents.get(0);
            return document;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static String path(Map<String, Object> probe) {
        return (String) map(probe, "httpGet").get("path");
    }
}
