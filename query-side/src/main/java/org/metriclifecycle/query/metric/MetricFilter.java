package org.metriclifecycle.query.metric;

import java.util.Locale;

import org.metriclifecycle.events.MetricStatus;

/**
 * Criteria for listing metrics; a null criterion matches anything, all given ones must match.
 *
 * @param text a word or phrase that the name or the description contains, compared case-insensitively
 */
public record MetricFilter(String team, MetricStatus status, String owner, String text) {

    public MetricFilter(String team, MetricStatus status, String owner) {
        this(team, status, owner, null);
    }

    public static MetricFilter any() {
        return new MetricFilter(null, null, null, null);
    }

    public boolean matches(MetricView view) {
        return (team == null || team.equals(view.team()))
                && (status == null || status == view.status())
                && (owner == null || owner.equals(view.owner()))
                && (text == null || searchText(view.name(), view.description()).contains(folded(text)));
    }

    /**
     * What {@code text} is matched against: name and description folded to lower case, with a line break between
     * them so a phrase never matches across the two. Stored beside each view, so a listing filters in the database.
     */
    public static String searchText(String name, String description) {
        return folded(name == null ? "" : name) + "\n" + folded(description == null ? "" : description);
    }

    public static String folded(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
