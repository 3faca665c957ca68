package org.metriclifecycle.query.team;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.metriclifecycle.events.RotationPeriod;

import org.metriclifecycle.events.MetricStatus;

/**
 * The JSON of {@code GET /api/v1/teams/{team}}.
 *
 * @param coreMetricLimit the limit in force: the team's own, or the configured default
 * @param metricsCounted  the metrics counting against the limit (every one not DEPRECATED)
 * @param countsByStatus  every status, DEPRECATED included, with 0 for none
 * @param ownerLoad       active metrics per owner, by owner name
 * @param blindSpots      blind spots recorded against the active metrics
 * @param rotation        null when the team does not rotate ownership
 * @param members         the team's roster; empty while it has none (anyone may then own its metrics)
 */
public record TeamSummary(
        String team,
        int coreMetricLimit,
        int metricsCounted,
        Map<MetricStatus, Integer> countsByStatus,
        Map<String, Integer> ownerLoad,
        int blindSpots,
        RotationSummary rotation,
        List<String> members) {

    public TeamSummary(String team, int coreMetricLimit, int metricsCounted, Map<MetricStatus, Integer> countsByStatus,
                       Map<String, Integer> ownerLoad, int blindSpots, RotationSummary rotation) {
        this(team, coreMetricLimit, metricsCounted, countsByStatus, ownerLoad, blindSpots, rotation, List.of());
    }

    public TeamSummary {
        members = members == null ? List.of() : List.copyOf(members);
        countsByStatus = Collections.unmodifiableMap(countsByStatus == null
                ? new EnumMap<>(MetricStatus.class) : new EnumMap<>(countsByStatus));
        ownerLoad = Collections.unmodifiableMap(ownerLoad == null ? new TreeMap<>() : new TreeMap<>(ownerLoad));
    }

    /** The team's rotation at a glance: who rotates, how often, since when, and when the next handoff is. */
    public record RotationSummary(List<String> members, RotationPeriod period, Instant startsAt, Instant nextHandoffAt) {

        public RotationSummary {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }
}
