package org.metriclifecycle.deploy.api;

import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.metriclifecycle.events.CorrelationMethod;

/** Body of {@code POST /api/v1/metrics/{metricId}/correlations}. */
public record RecordCorrelationRequest(
        @NotBlank @Size(max = 64) String hypothesisId,
        @NotNull @DecimalMin("-1") @DecimalMax("1") Double coefficient,
        @NotNull @Min(2) Integer sampleSize,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        CorrelationMethod method,
        @Size(max = 500) String source,
        @Size(max = 64) String definitionVersion,
        @Size(max = 64) String supersedes) {
}
