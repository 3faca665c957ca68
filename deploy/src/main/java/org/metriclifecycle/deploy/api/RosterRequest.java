package org.metriclifecycle.deploy.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/teams/{team}/members}: the whole roster (distinct names, compared case-insensitively). */
public record RosterRequest(
        @NotNull @Size(min = 1, max = 200) List<@Text(min = 1, max = 120) String> members,
        @Text(max = 2000) String reason) {
}
