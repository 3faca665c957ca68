package org.metriclifecycle.deploy.api;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Answers an over-long request line with a 414 problem document, and an announced oversized body with a 413 one,
 * before reading it. (A chunked body without a length is counted while it is read: {@code api.BodyTooLarge}.)
 */
@Singleton
public class BodySizeLimit {

    @Inject
    ApiConfig api;

    void register(@Observes Filters filters) {
        long max = api.maxBodyBytes();
        int maxLine = api.maxRequestLine();
        filters.register(context -> {
            // Method, URI and version, as the transport measured its initial line.
            int line = context.request().method().name().length() + context.request().uri().length() + 10;
            if (line > maxLine) {
                context.response().setStatusCode(414)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"urn:metric-lifecycle:problem:uri-too-long\",\"title\":\"URI too long\","
                                + "\"status\":414,\"detail\":\"request lines are limited to " + maxLine
                                + " characters\"}");
                return;
            }
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, max)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"urn:metric-lifecycle:problem:body-too-large\",\"title\":\"Body too large\","
                                + "\"status\":413,\"detail\":\"request bodies are limited to " + max + " bytes\"}");
                return;
            }
            context.next();
        }, 1000);
    }

    private static boolean isOver(String length, long max) {
        try {
            return Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
