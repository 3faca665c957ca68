package org.metriclifecycle.command;

/**
 * The team rules' configurable values. Like {@link LifecycleSettings}, handlers receive them as an injected parameter,
 * so a changed default applies to the next command without touching stored state: a team that never set its own
 * limit follows the default in force when it proposes. The default itself is the service's configuration
 * ({@code metrics.budget.default-core-limit}), written once there.
 *
 * @param defaultCoreMetricLimit how many metrics that are not deprecated a team may keep unless it set its own limit
 */
public record TeamSettings(int defaultCoreMetricLimit) {

    public static final int MIN_CORE_METRIC_LIMIT = 1;
    public static final int MAX_CORE_METRIC_LIMIT = 100;

    public TeamSettings {
        if (!isValidLimit(defaultCoreMetricLimit)) {
            throw new IllegalArgumentException("defaultCoreMetricLimit must be between " + MIN_CORE_METRIC_LIMIT
                    + " and " + MAX_CORE_METRIC_LIMIT + ", was " + defaultCoreMetricLimit);
        }
    }

    /** The range a default and a team's own limit share. */
    public static boolean isValidLimit(int coreMetricLimit) {
        return coreMetricLimit >= MIN_CORE_METRIC_LIMIT && coreMetricLimit <= MAX_CORE_METRIC_LIMIT;
    }
}
