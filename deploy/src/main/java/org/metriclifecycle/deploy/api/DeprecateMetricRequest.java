package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/metrics/{metricId}/deprecation}. */
public record DeprecateMetricRequest(
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 64) String replacedBy) {
}
