package org.metriclifecycle.deploy.api;

import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.metriclifecycle.events.CorrelationMethod;

/** Body of {@code POST /api/v1/metrics/{metricId}/correlations}. */
public record RecordCorrelationRequest(
        @Text(min = 1, max = 64) String hypothesisId,
        @NotNull @DecimalMin("-1") @DecimalMax("1") Double coefficient,
        @NotNull @Min(2) Integer sampleSize,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        CorrelationMethod method,
        @Text(max = 500) String source,
        @Pattern(regexp = Text.VERSION, message = Text.VERSION_RULE) String definitionVersion,
        @Text(max = 64) String supersedes) {
}
