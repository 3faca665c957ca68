package org.metriclifecycle.deploy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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

    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_SEARCH_LENGTH = 200;

    /**
     * Refuses a parameter the query does not take, or one given twice: a misspelt filter ({@code ?teams=search},
     * {@code ?name=...}) must not quietly answer every metric.
     */
    public static void only(Map<String, List<String>> given, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw new InvalidRequestException(parameter.getKey(), "is not a parameter of this query; it takes "
                        + String.join(", ", new TreeSet<>(known)));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidRequestException(parameter.getKey(), "may be given once");
            }
        }
    }

    /** A team slug, as teams are named; absent means any. */
    public static String team(String value) {
        String team = blankToNull(value);
        if (team != null && !TEAM.matcher(team).matches()) {
            throw new InvalidRequestException("team", "must be a team slug [a-z0-9][a-z0-9-]{0,63}");
        }
        return team;
    }

    /** A word or phrase to search for; absent means any. */
    public static String search(String value) {
        String text = blankToNull(value);
        if (text != null && text.codePointCount(0, text.length()) > MAX_SEARCH_LENGTH) {
            throw new InvalidRequestException("q", "must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        return text;
    }

    /**
     * An instant, or a bare date meaning the end of that day (UTC): the last instant before the next day begins, so
     * everything that happened on the day is included.
     */
    public static Instant pointInTime(String name, String value) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be a date YYYY-MM-DD or an ISO-8601 UTC instant such as "
                    + "2026-01-01T00:00:00.000Z");
        }
    }

    /** One of the six statuses, exactly as SPEC spells them; absent means any. */
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
