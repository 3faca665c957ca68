package org.metriclifecycle.events.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV that {@code src/test/resources/evidence/reference_values.py} wrote: values computed in Python from the
 * rules' formulas, independently of the Java code. The files hold no quoted fields; an empty field is "none".
 */
final class ReferenceTable {

    private ReferenceTable() {
    }

    /** One row: column name to text. */
    record Row(Map<String, String> fields) {

        String text(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new IllegalArgumentException("no column " + column + " in " + fields.keySet());
            }
            return value;
        }

        boolean isEmpty(String column) {
            return text(column).isEmpty();
        }

        double number(String column) {
            return Double.parseDouble(text(column));
        }

        int integer(String column) {
            return Integer.parseInt(text(column));
        }

        @Override
        public String toString() {
            return fields.toString();
        }
    }

    static List<Row> read(String name) {
        String resource = "/evidence/" + name;
        try (InputStream in = ReferenceTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = Arrays.asList(reader.readLine().split(",", -1));
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != header.size()) {
                    throw new IllegalStateException(resource + ": " + cells.length + " cells in " + line);
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    fields.put(header.get(i), cells[i]);
                }
                rows.add(new Row(fields));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
