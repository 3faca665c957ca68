package org.metriclifecycle.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Reads a hand-written Kubernetes manifest into fabric8's typed model the way the API server would refuse it: no
 * cluster exists on the build machines, and a map lookup lets a misspelled field, a quoted number or an invented enum
 * value through. fabric8 keeps unknown fields in additionalProperties instead of failing, so the parsed graph is
 * walked for them; Jackson's scalar coercion is off so that "8080" is no int.
 */
final class ManifestCheck {

    /** The enum-like fields the model types as plain strings: simple class name and JSON field to allowed values. */
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "Container.imagePullPolicy", Set.of("Always", "IfNotPresent", "Never"),
            "PodSpec.restartPolicy", Set.of("Always", "OnFailure", "Never"),
            "ContainerPort.protocol", Set.of("TCP", "UDP", "SCTP"),
            "ServicePort.protocol", Set.of("TCP", "UDP", "SCTP"),
            "ServiceSpec.type", Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"),
            "DeploymentStrategy.type", Set.of("RollingUpdate", "Recreate"),
            "TopologySpreadConstraint.whenUnsatisfiable", Set.of("DoNotSchedule", "ScheduleAnyway"),
            "SeccompProfile.type", Set.of("RuntimeDefault", "Localhost", "Unconfined"),
            "Secret.type", Set.of("Opaque", "kubernetes.io/tls", "kubernetes.io/dockerconfigjson",
                    "kubernetes.io/basic-auth", "kubernetes.io/ssh-auth", "kubernetes.io/service-account-token"));

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            YAML.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        YAML.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        YAML.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** The parsed object (null when it did not parse) and every problem as "file: field.path: what". */
    record Result<T>(T object, List<String> problems) {
    }

    private ManifestCheck() {
    }

    static <T> Result<T> check(String file, String text, Class<T> type) {
        List<String> problems = new ArrayList<>();
        T object;
        try {
            object = YAML.readValue(text, type);
        } catch (JsonMappingException e) {
            problems.add(file + ": " + path(e.getPath()) + ": " + e.getOriginalMessage());
            return new Result<>(null, problems);
        } catch (Exception e) {
            problems.add(file + ": " + e.getMessage());
            return new Result<>(null, problems);
        }
        if (object instanceof HasMetadata resource) {
            // Jackson picks the class from the caller, not from kind: a Service file read as a Deployment must fail.
            if (!HasMetadata.getKind(type).equals(resource.getKind())) {
                problems.add(file + ": kind: '" + resource.getKind() + "' is not " + HasMetadata.getKind(type));
            }
            if (!HasMetadata.getApiVersion(type).equals(resource.getApiVersion())) {
                problems.add(file + ": apiVersion: '" + resource.getApiVersion() + "' is not "
                        + HasMetadata.getApiVersion(type));
            }
        }
        walk(file, "", object, problems);
        return new Result<>(object, problems);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static void walk(String file, String path, Object value, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(file, path + "[" + i + "]", list.get(i), problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(file, join(path, String.valueOf(key)), item, problems));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object child = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (child instanceof Map<?, ?> unknown) {
                        unknown.keySet().forEach(key -> problems.add(file + ": " + join(path, String.valueOf(key))
                                + ": unknown field for " + value.getClass().getSimpleName()));
                    }
                    continue;
                }
                String name = jsonName(field);
                Set<String> allowed = ENUMS.get(value.getClass().getSimpleName() + "." + name);
                if (allowed != null && child != null && !allowed.contains(child)) {
                    problems.add(file + ": " + join(path, name) + ": '" + child + "' is none of "
                            + new TreeSet<>(allowed));
                }
                walk(file, join(path, name), child, problems);
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
