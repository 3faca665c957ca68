package org.metriclifecycle.deploy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds the query strings a page hands its script, so a fragment is re-read with the page's own filter. */
final class Fragments {

    private Fragments() {
    }

    /** "?team=search&status=LINKED" from name/value pairs, skipping blank values; "" when none is left. */
    static String query(String... namesAndValues) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                query.add(namesAndValues[i] + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
