package org.metriclifecycle.bench;

/**
 * The order in which a benchmark client writes, whether over HTTP or straight to the table: it proposes a metric
 * of its own team, links a hypothesis to it, records {@value #CORRELATIONS} correlations, and starts over with a
 * new metric. A client moves to a new team before the team's budget (at most 100 metrics) runs out.
 */
final class CommandScript {

    enum Command { PROPOSE, LINK, CORRELATE }

    static final int CORRELATIONS = 3;
    static final int METRICS_PER_TEAM = 90;

    private final String teamPrefix;
    private int position = 0;
    private int metrics;
    private int correlations;

    /** @param teamPrefix unique to the run and the client, so no two clients ever write to one stream */
    CommandScript(String teamPrefix) {
        this.teamPrefix = teamPrefix;
    }

    Command next() {
        return switch (position) {
            case 0 -> Command.PROPOSE;
            case 1 -> Command.LINK;
            default -> Command.CORRELATE;
        };
    }

    /** The command answered; move on. */
    void done() {
        switch (position) {
            case 0 -> {
                metrics++;
                position = 1;
            }
            case 1 -> {
                correlations = 0;
                position = 2;
            }
            default -> {
                if (++correlations == CORRELATIONS) {
                    position = 0;
                }
            }
        }
    }

    /** A command failed: start over with a fresh metric rather than build on a half-made one. */
    void failed() {
        position = 0;
    }

    /** The team the next proposal goes to. */
    String team() {
        return teamPrefix + "-" + metrics / METRICS_PER_TEAM;
    }

    /** How many metrics the current team already holds (its stream's next sequence number, for raw appends). */
    int metricsInTeam() {
        return metrics % METRICS_PER_TEAM;
    }

    /** The correlation about to be recorded on the current metric, from 0. */
    int correlation() {
        return correlations;
    }
}
