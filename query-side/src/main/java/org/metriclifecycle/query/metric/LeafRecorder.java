package org.metriclifecycle.query.metric;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds a view's leaves ({@link ViewDiff#leavesOf}) from the tokens Jackson writes, with the same paths and order as
 * flattening the view's JSON tree, without building the tree. An array element that is an object is named by its
 * first textual field whose name ends in {@code Id}, which may come after other fields: its leaves wait in the
 * element's frame until it ends and its name is known.
 */
final class LeafRecorder {

    private final Leaves.Builder leaves = new Leaves.Builder();
    private final Deque<Frame> frames = new ArrayDeque<>();
    /**
     * Whether no path can have been made twice: stays true while every field name and every element's identity is
     * plain (no dot, no bracket, not empty; an identity not all digits, which an index could be too) and no identity
     * repeats within its array. Field names within one object are distinct, so plain names give distinct paths.
     */
    private boolean distinct = true;

    private static final class Frame {
        final boolean array;
        final boolean root;
        /** This container's path, relative to its sink's. */
        final String path;
        /** Where leaves below this frame go: the nearest enclosing array element, or null for the result. */
        final Frame sink;
        /** Only on an array element that is an object: its leaves as suffix, value, suffix, value, ... */
        final List<Object> pending;
        String field;
        int index;
        String identity;
        /** Only on an array: the identities its elements were named by so far. */
        Collection<String> identities;

        Frame(boolean array, boolean root, String path, Frame sink, boolean element) {
            this.array = array;
            this.root = root;
            this.path = path;
            this.sink = sink;
            this.pending = element ? new ArrayList<>() : null;
        }

        /** The sink for this frame's own children. */
        Frame childSink() {
            return pending != null ? this : sink;
        }

        String childPath() {
            return root ? field : path + "." + field;
        }
    }

    Map<String, JsonNode> leaves() {
        if (!frames.isEmpty()) {
            throw new IllegalStateException("the view was not written to its end");
        }
        return leaves.build(distinct);
    }

    void field(String name) {
        Frame top = frames.peek();
        if (top == null || top.array) {
            throw new IllegalStateException("a field name outside an object: " + name);
        }
        top.field = name;
        int slot = System.identityHashCode(name) & (KNOWN_PLAIN.length - 1);
        if (distinct && KNOWN_PLAIN[slot] != name) {
            if (plain(name, false)) {
                KNOWN_PLAIN[slot] = name;
            } else {
                distinct = false;
            }
        }
    }

    /**
     * Field names found plain, by identity: a view's property names are the same strings every time it is written,
     * so each is checked once rather than once per view. A slot holds one name; a lost race only means checking again.
     */
    private static final String[] KNOWN_PLAIN = new String[1024];

    /** A name that cannot make the same path as another: no dot or bracket, not empty, and (an identity) not an index. */
    private static boolean plain(String name, boolean identity) {
        if (name.isEmpty()) {
            return false;
        }
        boolean digits = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                return false;
            }
            digits &= c >= '0' && c <= '9';
        }
        return !(identity && digits);
    }

    private void named(Frame array, String identity) {
        if (!distinct) {
            return;
        }
        if (!plain(identity, true)) {
            distinct = false;
            return;
        }
        if (array.identities == null) {
            array.identities = new ArrayList<>(4);
        } else if (array.identities.contains(identity)) {
            distinct = false;
            return;
        } else if (array.identities.size() == 8 && array.identities instanceof ArrayList) {
            array.identities = new HashSet<>(array.identities);
        }
        array.identities.add(identity);
    }

    void startObject() {
        Frame parent = frames.peek();
        if (parent == null) {
            frames.push(new Frame(false, true, "", null, false));
        } else if (parent.array) {
            frames.push(new Frame(false, false, "", parent.childSink(), true));
        } else {
            frames.push(new Frame(false, false, parent.childPath(), parent.childSink(), false));
        }
    }

    void endObject() {
        Frame done = frames.pop();
        if (done.pending == null) {
            return;
        }
        Frame array = frames.peek();
        if (done.identity != null) {
            named(array, done.identity);
        }
        String prefix = array.path + "[" + (done.identity != null ? done.identity : Integer.toString(array.index))
                + "]";
        array.index++;
        for (int i = 0; i < done.pending.size(); i += 2) {
            emit(done.sink, prefix + done.pending.get(i), (JsonNode) done.pending.get(i + 1));
        }
    }

    void startArray() {
        Frame parent = frames.peek();
        if (parent == null) {
            frames.push(new Frame(true, false, "", null, false));
        } else if (parent.array) {
            String path = parent.path + "[" + parent.index++ + "]";
            frames.push(new Frame(true, false, path, parent.childSink(), false));
        } else {
            frames.push(new Frame(true, false, parent.childPath(), parent.childSink(), false));
        }
    }

    void endArray() {
        frames.pop();
    }

    void value(JsonNode value) {
        Frame top = frames.peek();
        if (top == null) {
            leaves.add("", value);
        } else if (top.array) {
            emit(top.childSink(), top.path + "[" + top.index++ + "]", value);
        } else {
            if (top.pending != null && top.identity == null && top.field.endsWith("Id") && value.isTextual()) {
                top.identity = value.textValue();
            }
            emit(top.childSink(), top.childPath(), value);
        }
    }

    private void emit(Frame sink, String path, JsonNode value) {
        if (sink == null) {
            leaves.add(path, value);
        } else {
            sink.pending.add(path);
            sink.pending.add(value);
        }
    }
}
