package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/metrics/{metricId}/owner}. */
public record ChangeOwnerRequest(
        @NotBlank @Size(max = 120) String owner,
        @NotBlank @Size(max = 2000) String reason) {
}
