package org.metriclifecycle.deploy.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.evidence.DecisionRule;

/** Body of {@code POST /api/v1/metrics/{metricId}/hypotheses}. */
public record LinkHypothesisRequest(
        @Text(min = 1, max = 200) String outcome,
        @Text(min = 1, max = 2000) String statement,
        @NotNull Direction direction,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double minCorrelation,
        @NotNull @Min(3) Integer minSampleSize,
        DecisionRule decisionRule,
        @DecimalMin(value = "0.5", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double confidence,
        @Text(max = 2000) String reason) {
}
