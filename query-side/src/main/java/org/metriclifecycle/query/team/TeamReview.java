package org.metriclifecycle.query.team;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code GET /api/v1/teams/{team}/review}: every active metric of the team, in order of proposal.
 *
 * @param revalidationInterval the interval the verdicts were judged with
 */
public record TeamReview(String team, Instant generatedAt, Duration revalidationInterval, List<ReviewEntry> metrics) {

    public TeamReview {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
