package org.metriclifecycle.deploy.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.TeamScoped;

/**
 * Body of {@code POST /api/v1/metrics}. Text arrives trimmed and NFC-normalized (see {@link ApiJson}).
 * {@code replaces} with {@code businessCase} swaps an active metric of the same team out of the budget.
 */
public record ProposeMetricRequest(
        @Text(min = 1, max = 120) String name,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a slug: [a-z0-9][a-z0-9-]{0,63}")
        String team,
        @Text(min = 1, max = 120) String owner,
        @Text(max = 4000) String description,
        @Pattern(regexp = Text.VERSION, message = Text.VERSION_RULE)
        String version,
        @Text(max = 500) String validFor,
        @Text(max = 4000) String rationale,
        @Text(max = 64) String replaces,
        @Text(max = 2000) String businessCase) implements TeamScoped {

    /** A swap deprecates the metric it replaces: it needs the role that may deprecate in the team. */
    @Override
    public Set<Action> alsoPerforms() {
        return replaces == null || replaces.isBlank() ? Set.of() : Set.of(Action.DEPRECATE_METRIC);
    }

}
