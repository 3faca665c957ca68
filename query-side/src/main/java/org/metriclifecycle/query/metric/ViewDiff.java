package org.metriclifecycle.query.metric;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * What an event changed in a view, found by comparing the JSON of the view before and after it rather than by
 * knowing each event: a new view field shows up in the history without touching this class.
 * <p>
 * Paths: object fields by name joined with dots ({@code deprioritizedAt}, {@code hypotheses[h1].status},
 * {@code hypotheses[h1].latestCorrelation.verdict}); array elements by their identity, the first field whose name
 * ends in {@code Id}, so a path names the same hypothesis whatever its position; by index only when an element has
 * no identity.
 */
public final class ViewDiff {

    private static final ObjectMapper JSON = ViewJson.mapper();

    private ViewDiff() {
    }

    /**
     * @param before the view before the event, null when the event created it
     * @return the changed leaves in view order (then leaves that disappeared), insertion ordered
     */
    public static Map<String, FieldChange> between(MetricView before, MetricView after) {
        return between(tree(before), tree(after));
    }

    /** {@link #between} for any other audited state that serializes to JSON (a team's, say). */
    public static Map<String, FieldChange> betweenStates(Object before, Object after) {
        return between(before == null ? null : JSON.valueToTree(before), after == null ? null : JSON.valueToTree(after));
    }

    private static JsonNode tree(MetricView view) {
        return view == null ? null : JSON.valueToTree(view);
    }

    static Map<String, FieldChange> between(JsonNode before, JsonNode after) {
        return betweenLeaves(leaves(before), leaves(after));
    }

    /**
     * The view's leaves by path, what a diff compares: a fold that keeps those of the view it left for the next event
     * ({@link #betweenLeaves}) flattens each view once instead of twice.
     */
    public static Map<String, JsonNode> leavesOf(MetricView view) {
        return leaves(tree(view));
    }

    /**
     * The view as a JSON tree, as {@link ViewJson} writes it: what a store writes, and what
     * {@link #leavesOf(JsonNode)} flattens.
     */
    public static JsonNode treeOf(MetricView view) {
        return tree(view);
    }

    /** The leaves of a view given as its {@link #treeOf tree}: one serialization serves the row and the diff. */
    public static Map<String, JsonNode> leavesOf(JsonNode tree) {
        return leaves(tree);
    }

    /** {@link #between} of two views given by their {@link #leavesOf leaves}. */
    public static Map<String, FieldChange> betweenLeaves(Map<String, JsonNode> beforeLeaves,
                                                         Map<String, JsonNode> afterLeaves) {
        Set<String> paths = new LinkedHashSet<>(afterLeaves.keySet());
        paths.addAll(beforeLeaves.keySet());
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String path : paths) {
            Object was = scalar(beforeLeaves.getOrDefault(path, NullNode.getInstance()));
            Object is = scalar(afterLeaves.getOrDefault(path, NullNode.getInstance()));
            if (!Objects.equals(was, is)) {
                changes.put(path, new FieldChange(was, is));
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        if (root != null) {
            flatten(root, "", leaves);
        }
        return leaves;
    }

    private static void flatten(JsonNode node, String path, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                flatten(element, path + "[" + identity(element, i) + "]", leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static String identity(JsonNode element, int index) {
        if (element.isObject()) {
            for (Map.Entry<String, JsonNode> field : element.properties()) {
                if (field.getKey().endsWith("Id") && field.getValue().isTextual()) {
                    return field.getValue().textValue();
                }
            }
        }
        return Integer.toString(index);
    }

    private static Object scalar(JsonNode leaf) {
        if (leaf.isNull() || leaf.isMissingNode()) {
            return null;
        }
        if (leaf.isTextual()) {
            return leaf.textValue();
        }
        if (leaf.isNumber()) {
            return leaf.numberValue();
        }
        if (leaf.isBoolean()) {
            return leaf.booleanValue();
        }
        return leaf.asText();
    }
}
