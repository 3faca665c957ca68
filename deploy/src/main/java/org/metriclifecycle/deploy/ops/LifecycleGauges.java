package org.metriclifecycle.deploy.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.metriclifecycle.events.MetricStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code metric_lifecycle_metrics{team, status}}: how many metrics each team has in each status, what a lifecycle
 * dashboard plots and alerts on (a growing DEPRIORITIZED count is an eval nobody ties to an outcome).
 * <p>
 * Counted when scraped, from one grouped query over the metric views, at most once per {@link #FRESH_FOR}: scrapes
 * cost one read each, an idle instance nobody scrapes reads nothing. A team gets its six gauges when a count first
 * sees it.
 */
@Singleton
public class LifecycleGauges {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    static final String METRICS = "metric_lifecycle.metrics";
    static final String TEAMS = "metric_lifecycle.teams";

    private final MeterRegistry registry;
    private final ActiveDatabase database;
    private final Clock clock;
    private final Set<String> teamsWithGauges = ConcurrentHashMap.newKeySet();
    private volatile Counts counts = new Counts(Map.of(), Instant.EPOCH, 0);

    private record Counts(Map<String, Long> byTeamAndStatus, Instant takenAt, int teams) {
    }

    @Inject
    LifecycleGauges(MeterRegistry registry, ActiveDatabase database, Clock clock) {
        this.registry = registry;
        this.database = database;
        this.clock = clock;
    }

    void register(@Observes StartupEvent started) {
        // Always there, so a scrape counts (and finds new teams) even before any team has gauges of its own.
        Gauge.builder(TEAMS, this, gauges -> gauges.fresh().teams())
                .description("teams with at least one metric")
                .register(registry);
        refresh();
    }

    private Counts fresh() {
        Counts current = counts;
        return current.takenAt().plus(FRESH_FOR).isBefore(clock.instant()) ? refresh() : current;
    }

    private double count(String team, MetricStatus status) {
        return fresh().byTeamAndStatus().getOrDefault(key(team, status), 0L);
    }

    private synchronized Counts refresh() {
        if (!counts.takenAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            return counts; // another scrape thread just counted
        }
        Map<String, Long> found = new HashMap<>();
        Set<String> teams = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT team, status, count(*) FROM metric_view GROUP BY team, status")) {
            while (rows.next()) {
                found.put(key(rows.getString(1), MetricStatus.valueOf(rows.getString(2))), rows.getLong(3));
                teams.add(rows.getString(1));
                registerTeam(rows.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            return counts; // the last counts stay; the database's own health check reports the outage
        }
        counts = new Counts(Map.copyOf(found), clock.instant(), teams.size());
        return counts;
    }

    private void registerTeam(String team) {
        if (!teamsWithGauges.add(team)) {
            return;
        }
        for (MetricStatus status : MetricStatus.values()) {
            Gauge.builder(METRICS, this, gauges -> gauges.count(team, status))
                    .description("metrics of the team in the status (DEPRECATED included)")
                    .tag("team", team)
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    private static String key(String team, MetricStatus status) {
        return team + '\u0000' + status.name();
    }
}
