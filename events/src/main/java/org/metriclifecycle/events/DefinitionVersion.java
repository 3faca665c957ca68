package org.metriclifecycle.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A definition version such as "1.0" or "2.1.3", ordered the semantic-version way: component by component,
 * numerically, a missing component counting as 0. So "1.0" and "1" are the same version, and 1.0 < 1.0.1 < 1.2 < 2.0.
 */
public final class DefinitionVersion implements Comparable<DefinitionVersion> {

    private static final Pattern FORMAT = Pattern.compile("\\d{1,18}(\\.\\d{1,18})*");
    private static final Pattern NEW_FORMAT = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,2}");

    /** Without trailing zeros, so that equal versions have equal components. */
    private final List<Long> components;
    private final String text;

    private DefinitionVersion(List<Long> components, String text) {
        this.components = components;
        this.text = text;
    }

    /**
     * What a new version may be (SPEC: at most three numeric parts of at most nine digits each), so that no version
     * is so large that nothing can follow it. Versions stored before this rule still parse ({@link #isWellFormed}).
     */
    public static boolean isAllowedForNewDefinitions(String text) {
        return text != null && NEW_FORMAT.matcher(text).matches();
    }

    public static boolean isWellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** The major version; a free-text version (stored before versions were checked) is its own major, -1. */
    public static long majorOf(String definitionVersion) {
        return isWellFormed(definitionVersion) ? parse(definitionVersion).major() : -1;
    }

    /** @throws IllegalArgumentException unless {@link #isWellFormed} */
    public static DefinitionVersion parse(String text) {
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("not a version like 1.0 or 2.1.3: " + text);
        }
        List<Long> parsed = new ArrayList<>();
        for (String component : text.split("\\.")) {
            parsed.add(Long.parseLong(component));
        }
        int length = parsed.size();
        while (length > 0 && parsed.get(length - 1) == 0) {
            length--;
        }
        return new DefinitionVersion(Collections.unmodifiableList(new ArrayList<>(parsed.subList(0, length))), text);
    }

    public long major() {
        return component(0);
    }

    @Override
    public int compareTo(DefinitionVersion other) {
        int length = Math.max(components.size(), other.components.size());
        for (int i = 0; i < length; i++) {
            int order = Long.compare(component(i), other.component(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    public boolean isGreaterThan(DefinitionVersion other) {
        return compareTo(other) > 0;
    }

    private long component(int index) {
        return index < components.size() ? components.get(index) : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DefinitionVersion version && components.equals(version.components);
    }

    @Override
    public int hashCode() {
        return components.hashCode();
    }

    /** The version as it was written ("1.0" stays "1.0"). */
    @Override
    public String toString() {
        return text;
    }
}
