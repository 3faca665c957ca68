package org.metriclifecycle.deploy.infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.metriclifecycle.query.metric.MetricViewStore;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The team a metric belongs to, as authorization asks it on every write to a metric. A metric never changes team,
 * so a known answer is remembered and the database is asked once per metric; an unknown metric is asked each time
 * (it may be proposed a moment later).
 */
@Singleton
public class MetricTeamDirectory {

    private static final int REMEMBERED = 50_000;

    private final MetricViewStore views;
    private final Map<String, String> teams = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Inject
    MetricTeamDirectory(MetricViewStore views) {
        this.views = views;
    }

    /** The metric's team, or null for an unknown metric. */
    public String teamOf(String metricId) {
        String known = teams.get(metricId);
        if (known != null) {
            return known;
        }
        String team = QuarkusTransaction.joiningExisting().call(() -> views.teamOf(metricId).orElse(null));
        if (team != null) {
            teams.put(metricId, team);
        }
        return team;
    }
}
