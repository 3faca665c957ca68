package org.metriclifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files are valid Kubernetes objects and say what the operator guide promises: no Docker engine or
 * cluster exists on the build machines, so this is the check they get. The manifests go through fabric8's typed model
 * strictly (ManifestCheck); compose.yaml, which has no such model, is read with SnakeYAML.
 */
class DeploymentFilesTest {

    static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final String CONFIG_MAP = "metric-lifecycle";
    private static final String SECRET = "metric-lifecycle";
    static final Map<String, Class<?>> MANIFESTS = new LinkedHashMap<>();

    static {
        MANIFESTS.put("kubernetes/deployment.yaml", Deployment.class);
        MANIFESTS.put("kubernetes/service.yaml", Service.class);
        MANIFESTS.put("kubernetes/configmap.yaml", ConfigMap.class);
        MANIFESTS.put("kubernetes/secret.example.yaml", Secret.class);
        MANIFESTS.put("kubernetes/poddisruptionbudget.yaml", PodDisruptionBudget.class);
    }

    @Test
    void everyManifestParsesStrictlyIntoTheKubernetesModel() throws IOException {
        for (Map.Entry<String, Class<?>> manifest : MANIFESTS.entrySet()) {
            String file = manifest.getKey();
            assertThat(ManifestCheck.check(file, Files.readString(MODULE.resolve(file)), manifest.getValue()).problems())
                    .as(file).isEmpty();
        }
    }

    @Test
    void theDeploymentRunsTwoNonRootReplicasWithProbesLimitsConfigAndSecrets() throws IOException {
        Deployment deployment = typed("kubernetes/deployment.yaml", Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getContainers()).hasSize(1);
        Container container = pod.getContainers().get(0);
        ServiceConfigNames config = new ServiceConfigNames(MODULE);
        // The paths SmallRye Health serves: its defaults under the non-application root unless the properties move them.
        String health = "/" + config.property("quarkus.http.non-application-root-path", "q") + "/"
                + config.property("quarkus.smallrye-health.root-path", "health") + "/";
        assertThat(container.getReadinessProbe().getHttpGet().getPath())
                .isEqualTo(health + config.property("quarkus.smallrye-health.readiness-path", "ready"))
                .isEqualTo("/q/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath())
                .isEqualTo(health + config.property("quarkus.smallrye-health.liveness-path", "live"))
                .isEqualTo("/q/health/live");
        assertThat(container.getStartupProbe().getHttpGet().getPath())
                .isEqualTo(health + config.property("quarkus.smallrye-health.startup-path", "started"));
        ContainerPort http = container.getPorts().stream().filter(port -> "http".equals(port.getName())).findFirst()
                .orElseThrow();
        assertThat(http.getContainerPort()).isEqualTo(Integer.parseInt(config.property("quarkus.http.port", "8080")));
        for (var probe : List.of(container.getReadinessProbe(), container.getLivenessProbe(),
                container.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getEnvFrom()).extracting(source -> source.getConfigMapRef().getName())
                .containsExactly(CONFIG_MAP);
        List<String> fromSecrets = new ArrayList<>();
        Set<String> secretKeys = typed("kubernetes/secret.example.yaml", Secret.class).getStringData().keySet();
        for (EnvVar variable : container.getEnv()) {
            SecretKeySelector secret = variable.getValueFrom().getSecretKeyRef();
            assertThat(secret.getName()).isEqualTo(SECRET);
            assertThat(secretKeys).as(variable.getName()).contains(secret.getKey());
            fromSecrets.add(variable.getName());
        }
        assertThat(fromSecrets).contains("METRICS_DB_PASSWORD", "METRICS_DB_OWNER_PASSWORD",
                "QUARKUS_OIDC_CREDENTIALS_SECRET");
        // The two key files the service refuses to start without on PostgreSQL, from the Secret, for every replica.
        Volume keys = pod.getVolumes().stream().filter(volume -> "keys".equals(volume.getName())).findFirst()
                .orElseThrow();
        assertThat(keys.getSecret().getSecretName()).isEqualTo(SECRET);
        assertThat(keys.getSecret().getItems()).extracting(item -> item.getPath())
                .containsExactlyInAnyOrder("secrets.key", "audit-signing.key");
        assertThat(keys.getSecret().getItems()).extracting(item -> item.getKey()).allMatch(secretKeys::contains);
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("keys");
            assertThat(mount.getMountPath()).isEqualTo("/etc/metric-lifecycle/keys");
        });
    }

    @Test
    void theConfigMapServiceAndSecretMatchTheDeployment() throws IOException {
        ConfigMap config = typed("kubernetes/configmap.yaml", ConfigMap.class);
        assertThat(config.getMetadata().getName()).isEqualTo(CONFIG_MAP);
        assertThat(config.getData()).containsEntry("METRICS_DB", "postgresql")
                .containsKeys("METRICS_DB_URL", "METRICS_DB_USERNAME", "QUARKUS_OIDC_AUTH_SERVER_URL",
                        "METRICS_DEADLINES_HEARTBEAT_INTERVAL")
                .containsEntry("METRICS_SECRETS_KEY_FILE", "/etc/metric-lifecycle/keys/secrets.key")
                .containsEntry("METRICS_AUDIT_SIGNING_KEY_FILE", "/etc/metric-lifecycle/keys/audit-signing.key")
                .doesNotContainKeys("METRICS_DB_PASSWORD", "METRICS_DB_OWNER_PASSWORD");
        Deployment deployment = typed("kubernetes/deployment.yaml", Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        Service service = typed("kubernetes/service.yaml", Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        Set<String> containerPorts = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts()
                .stream().map(ContainerPort::getName).collect(Collectors.toSet());
        assertThat(service.getSpec().getPorts()).allSatisfy(port ->
                assertThat(containerPorts).contains(port.getTargetPort().getStrVal()));
        Secret secret = typed("kubernetes/secret.example.yaml", Secret.class);
        assertThat(secret.getMetadata().getName()).isEqualTo(SECRET);
        assertThat(secret.getStringData()).containsKeys("db-password", "db-owner-password", "oidc-client-secret",
                "secrets.key", "audit-signing.key");
        PodDisruptionBudget budget = typed("kubernetes/poddisruptionbudget.yaml", PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isLessThan(deployment.getSpec().getReplicas());
    }

    @Test
    void everyVariableTheFilesSetIsOneTheServiceReads() throws IOException {
        ServiceConfigNames names = new ServiceConfigNames(MODULE);
        List<String> variables = new ArrayList<>(typed("kubernetes/configmap.yaml", ConfigMap.class).getData()
                .keySet());
        typed("kubernetes/deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec().getContainers()
                .get(0).getEnv().forEach(variable -> variables.add(variable.getName()));
        Map<String, Object> services = map(single("compose.yaml"), "services");
        for (String replica : List.of("replica-1", "replica-2")) {
            variables.addAll(map(map(services, replica), "environment").keySet());
        }
        assertThat(variables).hasSizeGreaterThan(20).allSatisfy(variable ->
                assertThat(names.readsVariable(variable)).as(variable + " is read by the service").isTrue());
        assertThat(names.readsVariable("METRICS_DB_URLL")).isFalse();
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

    private static <T> T typed(String file, Class<T> type) throws IOException {
        ManifestCheck.Result<T> result = ManifestCheck.check(file, Files.readString(MODULE.resolve(file)), type);
        assertThat(result.problems()).as(file).isEmpty();
        return result.object();
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
}
