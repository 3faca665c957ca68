package org.metriclifecycle.query.team;

import java.util.List;

/**
 * A team as its own event stream describes it: the budget it set, the metrics holding its slots and its rotation.
 *
 * @param team            the team's slug (not the stream's {@code team:} aggregate id)
 * @param coreMetricLimit null while the team never set one, so the configured default applies
 * @param activeMetricIds the metrics holding a slot, in order of admission
 * @param rotation        null when the team has none or stopped it
 */
public record TeamView(String team, Integer coreMetricLimit, List<String> activeMetricIds, RotationView rotation) {

    public TeamView {
        activeMetricIds = activeMetricIds == null ? List.of() : List.copyOf(activeMetricIds);
    }

    public static TeamView empty(String team) {
        return new TeamView(team, null, List.of(), null);
    }

    public TeamView withCoreMetricLimit(Integer limit) {
        return new TeamView(team, limit, activeMetricIds, rotation);
    }

    public TeamView withActiveMetricIds(List<String> metricIds) {
        return new TeamView(team, coreMetricLimit, metricIds, rotation);
    }

    public TeamView withRotation(RotationView newRotation) {
        return new TeamView(team, coreMetricLimit, activeMetricIds, newRotation);
    }
}
