package org.metriclifecycle.deploy.api;


/** Body of {@code PUT /api/v1/metrics/{metricId}/owner}. */
public record ChangeOwnerRequest(
        @Text(min = 1, max = 120) String owner,
        @Text(min = 1, max = 2000) String reason) {
}
