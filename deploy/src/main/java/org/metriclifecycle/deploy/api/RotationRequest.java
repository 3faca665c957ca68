package org.metriclifecycle.deploy.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.metriclifecycle.events.RotationPeriod;

/** Body of {@code PUT /api/v1/teams/{team}/rotation}: members in order, an ISO-8601 period, the first handoff. */
public record RotationRequest(
        @NotNull @Size(min = 2, max = 100) List<@Text(min = 1, max = 120) String> members,
        @NotNull RotationPeriod period,
        @NotNull Instant startsAt) {
}
