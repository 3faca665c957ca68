package org.metriclifecycle.command;

/**
 * A command argument the lifecycle cannot accept (answered with 400). The HTTP layer validates formats first; this
 * is the aggregate's own guard, so it names the offending field the same way the request does.
 */
public class InvalidCommandException extends RuntimeException {

    private final String field;

    public InvalidCommandException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
