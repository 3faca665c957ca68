package org.metriclifecycle.command;

/** The argument checks metric and team commands share; a failed one is the request's fault (400, naming the field). */
public final class CommandRules {

    private CommandRules() {
    }

    public static void require(boolean valid, String field, String message) {
        if (!valid) {
            throw new InvalidCommandException(field, field + " " + message);
        }
    }

    public static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    public static String blankToNull(String value) {
        return hasText(value) ? value : null;
    }
}
