package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/metrics/{metricId}/shadow-checks}; {@code observeFor} an ISO-8601 duration. */
public record OpenShadowCheckRequest(
        @NotBlank @Size(max = 200) String change,
        @NotNull Double evalDelta,
        @NotBlank @Size(max = 64) String hypothesisId,
        @Size(max = 64) String observeFor) {
}
