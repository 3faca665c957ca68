package org.metriclifecycle.command;

/**
 * A proposal found the team's metric budget full (answered with 409). It carries the numbers so the answer can say
 * how full, and names the way out: a swap with {@code replaces} and {@code businessCase}.
 */
public class BudgetExceededException extends RuntimeException {

    private final String team;
    private final int coreMetricLimit;
    private final int metricsCounted;

    public BudgetExceededException(String team, int coreMetricLimit, int metricsCounted) {
        super("team " + team + " has " + metricsCounted + " of " + coreMetricLimit
                + " core metrics (its metric budget); propose with replaces and businessCase to swap one out");
        this.team = team;
        this.coreMetricLimit = coreMetricLimit;
        this.metricsCounted = metricsCounted;
    }

    public String team() {
        return team;
    }

    public int coreMetricLimit() {
        return coreMetricLimit;
    }

    public int metricsCounted() {
        return metricsCounted;
    }
}
