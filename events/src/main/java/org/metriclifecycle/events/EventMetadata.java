package org.metriclifecycle.events;

/** The metadata keys every stored event carries, shared by the side that writes them and the side that reads them. */
public final class EventMetadata {

    /** The authenticated principal, {@value #SYSTEM_ACTOR} for the service's own rules. */
    public static final String ACTOR = "actor";
    /** Why the change was made, when the request said so. */
    public static final String REASON = "reason";
    /** One id per request, shared by every message it caused. */
    public static final String CORRELATION_ID = "correlationId";

    public static final String SYSTEM_ACTOR = "system";
    public static final String ANONYMOUS_ACTOR = "anonymous";

    private EventMetadata() {
    }
}
