package org.metriclifecycle.query.metric;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        return betweenLeaves(leavesOf(before), leavesOf(after));
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
        if (view == null) {
            return Leaves.NONE;
        }
        LeafRecorder recorder = new LeafRecorder();
        try {
            JSON.writeValue(new LeafGenerator(JSON, recorder), view);
            return recorder.leaves();
        } catch (IOException | UnsupportedOperationException e) {
            return leaves(tree(view));
        }
    }

    /** A view's JSON text, as {@link ViewJson} writes it, and its {@link #leavesOf leaves}. */
    public record Serialized(String document, Map<String, JsonNode> leaves) {
    }

    /**
     * The view written once: its JSON text (what a store keeps) and its leaves (what the history diff compares),
     * both from the same pass of Jackson's serializer, with no tree in between.
     */
    public static Serialized serialize(MetricView view) {
        LeafRecorder recorder = new LeafRecorder();
        StringWriter text = new StringWriter(2048);
        try (JsonGenerator generator = new LeafRecordingGenerator(JSON.createGenerator(text),
                new LeafGenerator(JSON, recorder))) {
            JSON.writeValue(generator, view);
        } catch (IOException | UnsupportedOperationException e) {
            JsonNode tree = tree(view);
            return new Serialized(write(tree), leaves(tree));
        }
        return new Serialized(text.toString(), recorder.leaves());
    }

    private static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException("view not writable as JSON", e);
        }
    }

    /** {@link #between} of two views given by their {@link #leavesOf leaves}. */
    public static Map<String, FieldChange> betweenLeaves(Map<String, JsonNode> beforeLeaves,
                                                         Map<String, JsonNode> afterLeaves) {
        if (afterLeaves instanceof Leaves after && after.distinct()) {
            if (beforeLeaves.isEmpty()) {
                return aligned(Leaves.NONE, after);
            }
            if (beforeLeaves instanceof Leaves before && before.distinct()) {
                return aligned(before, after);
            }
        }
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> leaf : afterLeaves.entrySet()) {
            compare(leaf.getKey(), beforeLeaves.get(leaf.getKey()), leaf.getValue(), changes);
        }
        for (Map.Entry<String, JsonNode> leaf : beforeLeaves.entrySet()) {
            if (!afterLeaves.containsKey(leaf.getKey())) {
                compare(leaf.getKey(), leaf.getValue(), null, changes);
            }
        }
        return changes;
    }

    /**
     * {@link #betweenLeaves} of leaves that hold each path once, walked side by side: a path is first looked for where
     * the last match left off, where it is unless the event added or removed leaves before it, and only then looked
     * up. Same changes in the same order as looking every path up.
     */
    private static Map<String, FieldChange> aligned(Leaves before, Leaves after) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        boolean[] matched = new boolean[before.count()];
        int next = 0;
        int misses = 0;
        for (int i = 0; i < after.count(); i++) {
            String path = after.path(i);
            int at;
            if (next < before.count() && before.path(next).equals(path)) {
                at = next;
            } else if (misses++ < SCANNED_MISSES) {
                at = before.scan(path); // one leaf added: cheaper than hashing every path of the view
            } else {
                at = before.position(path);
            }
            JsonNode was = null;
            if (at >= 0) {
                matched[at] = true;
                was = before.value(at);
                next = at + 1;
            }
            compare(path, was, after.value(i), changes);
        }
        for (int k = 0; k < before.count(); k++) {
            if (!matched[k]) {
                compare(before.path(k), before.value(k), null, changes);
            }
        }
        return changes;
    }

    private static final int SCANNED_MISSES = 1;

    private static void compare(String path, JsonNode before, JsonNode after, Map<String, FieldChange> changes) {
        if (before != null && before.equals(after)) {
            return; // equal nodes of one type hold equal scalars: the common case, without boxing them
        }
        Object was = before == null ? null : scalar(before);
        Object is = after == null ? null : scalar(after);
        if (!Objects.equals(was, is)) {
            changes.put(path, new FieldChange(was, is));
        }
    }

    /** The leaves of a JSON tree, flattened: what {@link #leavesOf} builds without the tree (its tests compare). */
    static Map<String, JsonNode> flattened(JsonNode root) {
        return leaves(root);
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
