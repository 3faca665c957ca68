package org.metriclifecycle.deploy.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/metrics/{metricId}/revisions}. */
public record ReviseDefinitionRequest(
        @NotBlank @Pattern(regexp = Text.VERSION, message = Text.VERSION_RULE)
        String version,
        @Text(min = 1, max = 2000) String changeNote,
        @Text(max = 500) String validFor,
        @Size(max = 100) List<@Valid @NotNull Delta> deltas) {

    /** How the revision moved one score: "baseline", "candidate" or any label. */
    public record Delta(
            @Text(min = 1, max = 120) String subject,
            @NotNull Double before,
            @NotNull Double after) {
    }
}
