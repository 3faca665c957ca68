package org.metriclifecycle.query.team;

/**
 * The team's next {@code count} handoffs (0 to {@value #MAX_COUNT}), for its calendar feed; answered with an
 * {@link UpcomingHandoffs}, or null when the team does not rotate.
 */
public record FindUpcomingHandoffs(String team, int count) {

    /** A cap so one request cannot ask for an unbounded calendar; ten years of weekly handoffs fit. */
    public static final int MAX_COUNT = 520;

    public FindUpcomingHandoffs {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be within 0.." + MAX_COUNT + ", was " + count);
        }
    }
}
