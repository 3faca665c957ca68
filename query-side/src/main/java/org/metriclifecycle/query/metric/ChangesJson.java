package org.metriclifecycle.query.metric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A history entry's changes as JSON text, exactly as {@link ViewJson}'s mapper writes the map
 * ({@code {"path":{"before":..,"after":..},..}}), written by hand: one history row is written per event, in each
 * command and for every event of a rebuild, and Jackson's generator spent more time there than the fold itself.
 * Strings are escaped as Jackson escapes them by default ({@code "}, {@code \}, and control characters, short forms
 * where JSON has them, else {@code \}{@code u00XX}; nothing else); numbers print as Jackson prints them, NaN and the
 * infinities as strings. A value of any other type is written by the mapper.
 */
public final class ChangesJson {

    private static final ObjectMapper JSON = ViewJson.mapper();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ChangesJson() {
    }

    public static String write(Map<String, FieldChange> changes) {
        StringBuilder text = new StringBuilder(16 + 64 * changes.size());
        text.append('{');
        boolean first = true;
        for (Map.Entry<String, FieldChange> change : changes.entrySet()) {
            if (!first) {
                text.append(',');
            }
            first = false;
            string(text, change.getKey());
            text.append(':');
            FieldChange value = change.getValue();
            if (value == null) {
                text.append("null");
                continue;
            }
            text.append("{\"before\":");
            scalar(text, value.before());
            text.append(",\"after\":");
            scalar(text, value.after());
            text.append('}');
        }
        return text.append('}').toString();
    }

    private static void scalar(StringBuilder text, Object value) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof String string) {
            string(text, string);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean
                || value instanceof BigInteger || value instanceof Short) {
            text.append(value);
        } else if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                string(text, number.toString());
            } else {
                text.append(number.doubleValue());
            }
        } else if (value instanceof Float number) {
            if (number.isNaN() || number.isInfinite()) {
                string(text, number.toString());
            } else {
                text.append(number.floatValue());
            }
        } else if (value instanceof BigDecimal number) {
            text.append(number.toString());
        } else {
            try {
                text.append(JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("history change not writable as JSON", e);
            }
        }
    }

    private static void string(StringBuilder text, String value) {
        text.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            text.append(value, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                case '\r' -> text.append("\\r");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        text.append(value, plainFrom, value.length()).append('"');
    }
}
