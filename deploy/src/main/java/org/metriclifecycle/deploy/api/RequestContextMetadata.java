package org.metriclifecycle.deploy.api;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.deploy.security.CallerIdentity;
import org.metriclifecycle.events.EventMetadata;

/**
 * The metadata every command of this request carries: who (the authenticated principal, never from the body or a
 * header), why, and one correlation id.
 */
@RequestScoped
public class RequestContextMetadata {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    HttpHeaders headers;
    @Inject
    CallerIdentity callers;

    private String correlationId;

    public String correlationId() {
        if (correlationId == null) {
            String offered = headers == null ? null : headers.getHeaderString(CORRELATION_HEADER);
            correlationId = offered != null && SAFE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        }
        return correlationId;
    }

    /** The authenticated principal; never anything the request says about itself. */
    public String actor() {
        return callers.current().map(Caller::name).orElse(EventMetadata.ANONYMOUS_ACTOR);
    }

    public Map<String, Object> forCommand(String reason) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.ACTOR, actor());
        metadata.put(EventMetadata.CORRELATION_ID, correlationId());
        if (reason != null && !reason.isBlank()) {
            metadata.put(EventMetadata.REASON, reason);
        }
        return metadata;
    }
}
