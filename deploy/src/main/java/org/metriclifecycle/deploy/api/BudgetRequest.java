package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/v1/teams/{team}/budget}. */
public record BudgetRequest(
        @NotNull @Min(1) @Max(100) Integer coreMetricLimit,
        @Text(max = 2000) String reason) {
}
