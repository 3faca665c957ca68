package org.metriclifecycle.query.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryHandler;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.MetricFilter;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.team.TeamRotation.Assignment;
import org.metriclifecycle.query.team.TeamSummary.RotationSummary;
import org.metriclifecycle.query.team.UpcomingHandoffs.Handoff;
import org.metriclifecycle.query.team.UpcomingHandoffs.HandoffAssignment;

/**
 * Answers the team queries. The team's own view says what the team decided (budget, rotation); its metrics' views
 * say what the metrics are now, and they are counted in order of proposal as the rotation rule does.
 */
public class TeamQueryHandlers {

    private final TeamViewStore teams;
    private final MetricViewStore metrics;
    private final Clock clock;
    private final int defaultCoreMetricLimit;
    private final Duration revalidationInterval;
    private final ReviewRules reviewRules;

    public TeamQueryHandlers(TeamViewStore teams, MetricViewStore metrics, Clock clock, int defaultCoreMetricLimit,
                             Duration revalidationInterval) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultCoreMetricLimit = defaultCoreMetricLimit;
        this.revalidationInterval = Objects.requireNonNull(revalidationInterval, "revalidationInterval");
        this.reviewRules = new ReviewRules(revalidationInterval);
    }

    @QueryHandler
    public TeamSummary find(FindTeam query) {
        TeamView team = teamView(query.team());
        Map<MetricStatus, Integer> countsByStatus = new EnumMap<>(MetricStatus.class);
        int total = 0;
        for (MetricStatus status : MetricStatus.values()) {
            // Counting through the listing's total keeps this to one count query per status, whatever the team's size.
            int count = (int) metrics.list(new MetricFilter(query.team(), status, null), 0, 1).total();
            countsByStatus.put(status, count);
            total += count;
        }
        if (team == null && total == 0) {
            return null;
        }
        List<MetricView> active = metrics.activeOfTeam(query.team());
        Map<String, Integer> ownerLoad = new TreeMap<>();
        int blindSpots = 0;
        for (MetricView metric : active) {
            ownerLoad.merge(metric.owner(), 1, Integer::sum);
            blindSpots += metric.blindSpots().size();
        }
        RotationView rotation = team == null ? null : team.rotation();
        RotationSummary rotationSummary = rotation == null ? null : new RotationSummary(rotation.members(),
                rotation.period(), rotation.startsAt(), RotationForecast.of(rotation, clock.instant()).nextHandoffAt());
        int limit = team == null || team.coreMetricLimit() == null ? defaultCoreMetricLimit : team.coreMetricLimit();
        return new TeamSummary(query.team(), limit, active.size(), countsByStatus, ownerLoad, blindSpots,
                rotationSummary, team == null ? List.of() : team.members());
    }

    @QueryHandler
    public TeamRotation rotation(FindTeamRotation query) {
        RotationView rotation = rotationOf(query.team());
        if (rotation == null) {
            return null;
        }
        RotationForecast forecast = RotationForecast.of(rotation, clock.instant());
        List<MetricView> active = metrics.activeOfTeam(query.team());
        List<Assignment> assignments = new ArrayList<>(active.size());
        for (int i = 0; i < active.size(); i++) {
            MetricView metric = active.get(i);
            assignments.add(new Assignment(metric.metricId(), metric.owner(), forecast.nextOwner(i)));
        }
        return new TeamRotation(query.team(), rotation.members(), rotation.period(), rotation.startsAt(),
                forecast.nextHandoffAt(), rotation.overrides(), assignments);
    }

    @QueryHandler
    public UpcomingHandoffs upcomingHandoffs(FindUpcomingHandoffs query) {
        RotationView rotation = rotationOf(query.team());
        if (rotation == null) {
            return null;
        }
        RotationForecast forecast = RotationForecast.of(rotation, clock.instant());
        List<MetricView> active = metrics.activeOfTeam(query.team());
        List<Handoff> handoffs = new ArrayList<>(query.count());
        for (long k = forecast.nextHandoff(); k < forecast.nextHandoff() + query.count() && forecast.happens(k); k++) {
            List<HandoffAssignment> assignments = new ArrayList<>(active.size());
            for (int i = 0; i < active.size(); i++) {
                MetricView metric = active.get(i);
                assignments.add(new HandoffAssignment(metric.metricId(), metric.name(), forecast.ownerAt(k, i)));
            }
            handoffs.add(new Handoff(k, forecast.handoffAt(k), assignments));
        }
        return new UpcomingHandoffs(query.team(), handoffs);
    }

    @QueryHandler
    public TeamReview review(FindTeamReview query) {
        List<MetricView> active = metrics.activeOfTeam(query.team());
        if (active.isEmpty() && !known(query.team())) {
            return null;
        }
        Instant now = clock.instant();
        List<ReviewEntry> entries = reviewRules.review(active, now);
        return new TeamReview(query.team(), now, revalidationInterval, entries);
    }

    private boolean known(String team) {
        return teamView(team) != null
                || metrics.list(new MetricFilter(team, null, null), 0, 1).total() > 0;
    }

    private TeamView teamView(String team) {
        return teams.find(team).map(StoredTeamView::view).orElse(null);
    }

    private RotationView rotationOf(String team) {
        TeamView view = teamView(team);
        return view == null ? null : view.rotation();
    }
}
