package org.metriclifecycle.deploy.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/metrics/{metricId}/revisions}. */
public record ReviseDefinitionRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "\\d+(\\.\\d+){0,2}", message = "must be a version like 1.1 or 2.0.0")
        String version,
        @NotBlank @Size(max = 2000) String changeNote,
        @Size(max = 500) String validFor,
        @Size(max = 100) List<@Valid @NotNull Delta> deltas) {

    /** How the revision moved one score: "baseline", "candidate" or any label. */
    public record Delta(
            @NotBlank @Size(max = 120) String subject,
            @NotNull Double before,
            @NotNull Double after) {
    }
}
