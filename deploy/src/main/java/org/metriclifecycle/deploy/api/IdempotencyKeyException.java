package org.metriclifecycle.deploy.api;

/** A request's {@code Idempotency-Key} cannot be honoured: malformed, reused for another request, or in use. */
public class IdempotencyKeyException extends RuntimeException {

    /** Why, as the problem document's status and type. */
    public enum Kind {
        MALFORMED(400, "invalid-request", "Invalid request"),
        REUSED(422, "idempotency-key-reused", "Idempotency key reused"),
        IN_FLIGHT(409, "idempotency-key-in-flight", "Idempotency key in use");

        final int status;
        final String type;
        final String title;

        Kind(int status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    private final Kind kind;

    IdempotencyKeyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
