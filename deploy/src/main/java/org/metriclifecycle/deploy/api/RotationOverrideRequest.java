package org.metriclifecycle.deploy.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/teams/{team}/rotation/overrides}: while {@code member} is away, {@code replacement} stands in. */
public record RotationOverrideRequest(
        @NotBlank @Size(max = 120) String member,
        @NotBlank @Size(max = 120) String replacement,
        @NotNull Instant from,
        @NotNull Instant to) {
}
