package org.metriclifecycle.deploy.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/teams/{team}/rotation/overrides}: while {@code member} is away, {@code replacement} stands in. */
public record RotationOverrideRequest(
        @Text(min = 1, max = 120) String member,
        @Text(min = 1, max = 120) String replacement,
        @NotNull Instant from,
        @NotNull Instant to) {
}
