package org.metriclifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** ManifestCheck fails a broken copy of a real manifest for each kind of mistake, naming the file and the field. */
class DeploymentFilesCheckTest {

    private static final String DEPLOYMENT = "kubernetes/deployment.yaml";

    @Test
    void aMisspelledFieldIsReported() throws IOException {
        assertThat(brokenDeployment("readinessProbe:", "readinesProbe:"))
                .anySatisfy(problem -> assertThat(problem).startsWith(DEPLOYMENT + ": ")
                        .contains("spec.template.spec.containers[0].readinesProbe").contains("unknown field"));
    }

    @Test
    void aQuotedNumberIsReported() throws IOException {
        assertThat(brokenDeployment("containerPort: 8080", "containerPort: \"8080\""))
                .anySatisfy(problem -> assertThat(problem).startsWith(DEPLOYMENT + ": ")
                        .contains("spec.template.spec.containers[0].ports[0].containerPort"));
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsReported() throws IOException {
        assertThat(brokenDeployment("maxSkew: 1", "maxSkew: 1.5")).anySatisfy(problem -> assertThat(problem)
                .startsWith(DEPLOYMENT + ": ").contains("spec.template.spec.topologySpreadConstraints[0].maxSkew"));
    }

    @Test
    void aValueOutsideAnEnumIsReported() throws IOException {
        assertThat(brokenDeployment("imagePullPolicy: IfNotPresent", "imagePullPolicy: Sometimes"))
                .anySatisfy(problem -> assertThat(problem).startsWith(DEPLOYMENT + ": ")
                        .contains("spec.template.spec.containers[0].imagePullPolicy").contains("'Sometimes'"));
    }

    @Test
    void aServiceTypeOutsideTheEnumIsReported() throws IOException {
        String service = Files.readString(DeploymentFilesTest.MODULE.resolve("kubernetes/service.yaml"));
        assertThat(ManifestCheck.check("kubernetes/service.yaml", service.replace("type: ClusterIP", "type: Internal"),
                Service.class).problems()).containsExactly("kubernetes/service.yaml: spec.type: 'Internal' is none of "
                        + "[ClusterIP, ExternalName, LoadBalancer, NodePort]");
    }

    @Test
    void aFileOfAnotherKindIsReported() throws IOException {
        String service = Files.readString(DeploymentFilesTest.MODULE.resolve("kubernetes/service.yaml"));
        assertThat(ManifestCheck.check("kubernetes/service.yaml", service, Deployment.class).problems())
                .anySatisfy(problem -> assertThat(problem).startsWith("kubernetes/service.yaml: kind: 'Service'"));
    }

    @Test
    void anUnknownVariableIsNotOneTheServiceReads() throws IOException {
        ServiceConfigNames names = new ServiceConfigNames(DeploymentFilesTest.MODULE);
        assertThat(names.readsVariable("METRICS_DB_URL")).isTrue();
        assertThat(names.readsVariable("METRICS_DEADLINES_HEARTBEAT_INTERVAL")).isTrue();
        assertThat(names.readsVariable("METRICS_DB_URLL")).isFalse();
        assertThat(names.readsVariable("METRICS_DEADLINE_HEARTBEAT_INTERVAL")).isFalse();
    }

    private static List<String> brokenDeployment(String field, String broken) throws IOException {
        String text = Files.readString(DeploymentFilesTest.MODULE.resolve(DEPLOYMENT));
        assertThat(text).contains(field);
        return ManifestCheck.check(DEPLOYMENT, text.replace(field, broken), Deployment.class).problems();
    }
}
