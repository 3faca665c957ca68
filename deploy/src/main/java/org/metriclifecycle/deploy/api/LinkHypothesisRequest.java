package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.evidence.DecisionRule;

/** Body of {@code POST /api/v1/metrics/{metricId}/hypotheses}. */
public record LinkHypothesisRequest(
        @NotBlank @Size(max = 200) String outcome,
        @NotBlank @Size(max = 2000) String statement,
        @NotNull Direction direction,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double minCorrelation,
        @NotNull @Min(3) Integer minSampleSize,
        DecisionRule decisionRule,
        @DecimalMin(value = "0.5", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double confidence,
        @Size(max = 2000) String reason) {
}
