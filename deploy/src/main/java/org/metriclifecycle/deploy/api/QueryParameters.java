package org.metriclifecycle.deploy.api;

/** Parses query parameters into clean 400s (JAX-RS would answer a failed conversion with 404). */
final class QueryParameters {

    private QueryParameters() {
    }

    static int integer(String name, String value, int fallback, int min, int max) {
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
}
