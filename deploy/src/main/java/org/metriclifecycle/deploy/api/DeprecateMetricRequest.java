package org.metriclifecycle.deploy.api;


/** Body of {@code POST /api/v1/metrics/{metricId}/deprecation}. */
public record DeprecateMetricRequest(
        @Text(min = 1, max = 2000) String reason,
        @Text(max = 64) String replacedBy) {
}
