package org.metriclifecycle.query.metric;

import org.metriclifecycle.events.MetricStatus;

/** Criteria for listing metrics; a null criterion matches anything, all given ones must match. */
public record MetricFilter(String team, MetricStatus status, String owner) {

    public static MetricFilter any() {
        return new MetricFilter(null, null, null);
    }

    public boolean matches(MetricView view) {
        return (team == null || team.equals(view.team()))
                && (status == null || status == view.status())
                && (owner == null || owner.equals(view.owner()));
    }
}
