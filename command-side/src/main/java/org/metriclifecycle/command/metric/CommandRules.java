package org.metriclifecycle.command.metric;

import org.metriclifecycle.command.InvalidCommandException;

/** The argument checks every metric command shares; a failed one is the request's fault (400, naming the field). */
final class CommandRules {

    private CommandRules() {
    }

    static void require(boolean valid, String field, String message) {
        if (!valid) {
            throw new InvalidCommandException(field, field + " " + message);
        }
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    static String blankToNull(String value) {
        return hasText(value) ? value : null;
    }

    /** The major version; a free-text version (stored before versions were checked) is its own major, -1. */
    static long majorOf(String definitionVersion) {
        return DefinitionVersion.isWellFormed(definitionVersion) ? DefinitionVersion.parse(definitionVersion).major()
                : -1;
    }
}
