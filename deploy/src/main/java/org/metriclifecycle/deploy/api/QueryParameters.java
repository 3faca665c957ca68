package org.metriclifecycle.deploy.api;

import java.util.Arrays;

import org.metriclifecycle.events.MetricStatus;

/** Parses query parameters into clean 400s (JAX-RS would answer a failed conversion with 404). */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(name, max == Integer.MAX_VALUE
                ? "must be an integer >= " + min
                : "must be an integer from " + min + " to " + max);
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One of the five statuses, exactly as SPEC spells them; absent means any. */
    public static MetricStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MetricStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of " + Arrays.toString(MetricStatus.values()));
        }
    }
}
