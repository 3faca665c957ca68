package org.metriclifecycle.query.team;

import java.util.List;

/**
 * A team as its own event stream describes it: the budget it set, the metrics holding its slots and its rotation.
 *
 * @param team            the team's slug (not the stream's {@code team:} aggregate id)
 * @param coreMetricLimit null while the team never set one, so the configured default applies
 * @param activeMetricIds the metrics holding a slot, in order of admission
 * @param rotation        null when the team has none or stopped it
 * @param members         the team's roster as it spells the names; empty while it has none
 */
public record TeamView(String team, Integer coreMetricLimit, List<String> activeMetricIds, RotationView rotation,
                       List<String> members) {

    public TeamView {
        activeMetricIds = activeMetricIds == null ? List.of() : List.copyOf(activeMetricIds);
        members = members == null ? List.of() : List.copyOf(members);
    }

    public TeamView(String team, Integer coreMetricLimit, List<String> activeMetricIds, RotationView rotation) {
        this(team, coreMetricLimit, activeMetricIds, rotation, List.of());
    }

    public static TeamView empty(String team) {
        return new TeamView(team, null, List.of(), null, List.of());
    }

    public TeamView withCoreMetricLimit(Integer limit) {
        return new TeamView(team, limit, activeMetricIds, rotation, members);
    }

    public TeamView withActiveMetricIds(List<String> metricIds) {
        return new TeamView(team, coreMetricLimit, metricIds, rotation, members);
    }

    public TeamView withRotation(RotationView newRotation) {
        return new TeamView(team, coreMetricLimit, activeMetricIds, newRotation, members);
    }

    public TeamView withMembers(List<String> roster) {
        return new TeamView(team, coreMetricLimit, activeMetricIds, rotation, roster);
    }
}
