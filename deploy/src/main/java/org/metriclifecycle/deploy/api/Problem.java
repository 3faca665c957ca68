package org.metriclifecycle.deploy.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document; {@code errors} names each offending field of a 400. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:metric-lifecycle:problem:";

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String kind, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + kind, title, status.getStatusCode(), detail, instance, List.of());
    }

    public static Problem of(int status, String kind, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, instance, List.of());
    }

    static Problem invalid(String detail, String instance, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400, detail, instance, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }

    /** With RFC 9457 extension members beside the standard ones (for example the budget's numbers). */
    public Response toResponse(Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.putAll(extensions);
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(body).build();
    }
}
