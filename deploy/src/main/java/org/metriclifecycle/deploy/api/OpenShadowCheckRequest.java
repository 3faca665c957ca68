package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/metrics/{metricId}/shadow-checks}; {@code observeFor} an ISO-8601 duration. */
public record OpenShadowCheckRequest(
        @Text(min = 1, max = 200) String change,
        @NotNull Double evalDelta,
        @Text(min = 1, max = 64) String hypothesisId,
        @Text(max = 64) String observeFor) {
}
