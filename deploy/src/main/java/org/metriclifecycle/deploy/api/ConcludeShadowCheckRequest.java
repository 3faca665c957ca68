package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/metrics/{metricId}/shadow-checks/{checkId}/outcome}. */
public record ConcludeShadowCheckRequest(
        @NotNull Double outcomeDelta,
        @Min(1) Integer sampleSize,
        @Text(max = 2000) String note) {
}
