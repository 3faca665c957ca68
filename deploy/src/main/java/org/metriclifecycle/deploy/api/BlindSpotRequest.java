package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/metrics/{metricId}/blind-spots}: a production failure the metric did not catch. */
public record BlindSpotRequest(
        @NotBlank @Size(max = 200) String failureMode,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 200) String incidentRef) {
}
