package org.metriclifecycle.query.metric;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A view's leaves in the order they were written, as the read-only map {@link ViewDiff#leavesOf} promises, kept as
 * two arrays: recording a leaf appends, with no hashing of its path. {@link ViewDiff#betweenLeaves} walks two of them
 * side by side, matching paths by position (the leaves of consecutive views line up, but for what an event added or
 * took away), which gives what looking every path up in the other map gives when neither holds a path twice:
 * {@link #distinct()}, known from how the paths were made. Anything else sees a map with the semantics of a
 * {@code LinkedHashMap} the leaves were put into in order (a repeated path keeps its first place and its last value).
 */
final class Leaves extends AbstractMap<String, JsonNode> {

    static final Leaves NONE = new Leaves(new String[0], new JsonNode[0], 0, true);

    private final String[] paths;
    private final JsonNode[] values;
    private final int size;
    private final boolean distinct;
    // Built on first use; a projection may hand the leaves of one command to the next on another thread.
    private volatile Map<String, JsonNode> map;
    private volatile Map<String, Integer> positions;

    private Leaves(String[] paths, JsonNode[] values, int size, boolean distinct) {
        this.paths = paths;
        this.values = values;
        this.size = size;
        this.distinct = distinct;
    }

    /** Appends leaves in order; {@code distinct} only when the caller knows no path came twice. */
    static final class Builder {
        // Room for a view with a few hypotheses without growing.
        private String[] paths = new String[192];
        private JsonNode[] values = new JsonNode[192];
        private int size;

        void add(String path, JsonNode value) {
            if (size == paths.length) {
                paths = Arrays.copyOf(paths, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            paths[size] = path;
            values[size++] = value;
        }

        Leaves build(boolean distinct) {
            return new Leaves(paths, values, size, distinct);
        }
    }

    /** Whether every path is held once, so that position {@code i} is the path's only leaf. */
    boolean distinct() {
        return distinct;
    }

    int count() {
        return size;
    }

    String path(int i) {
        return paths[i];
    }

    JsonNode value(int i) {
        return values[i];
    }

    /** {@link #position} by comparing every path, without an index. */
    int scan(String path) {
        for (int i = 0; i < size; i++) {
            if (paths[i].equals(path)) {
                return i;
            }
        }
        return -1;
    }

    /** Where a path is among {@link #distinct()} leaves; -1 if it is not. */
    int position(String path) {
        Map<String, Integer> index = positions;
        if (index == null) {
            index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.put(paths[i], i);
            }
            positions = index;
        }
        Integer at = index.get(path);
        return at == null ? -1 : at;
    }

    private Map<String, JsonNode> map() {
        Map<String, JsonNode> leaves = map;
        if (leaves == null) {
            Map<String, JsonNode> inOrder = new LinkedHashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                inOrder.put(paths[i], values[i]);
            }
            leaves = Collections.unmodifiableMap(inOrder);
            map = leaves;
        }
        return leaves;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return map().entrySet();
    }

    @Override
    public JsonNode get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public int size() {
        return distinct ? size : map().size();
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }
}
