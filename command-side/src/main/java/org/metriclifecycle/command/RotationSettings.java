package org.metriclifecycle.command;

import java.time.Duration;
import java.util.Objects;

import org.metriclifecycle.events.RotationPeriod;

/**
 * Which rotation periods a team may choose (SPEC "Rotation periods"): a duration of at least {@code minPeriod} and at
 * most {@link #MAX_PERIOD}, or a calendar period (P1W, P2W, P1M, P3M, which {@link RotationPeriod#parse} knows).
 * The floor is configuration so that tests and demos can rotate every few seconds; production rotates hourly at most.
 */
public record RotationSettings(Duration minPeriod) {

    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    public RotationSettings {
        Objects.requireNonNull(minPeriod, "minPeriod");
        if (minPeriod.toMillis() <= 0 || minPeriod.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("minPeriod must be between 1 ms and " + MAX_PERIOD + ", was "
                    + minPeriod);
        }
    }

    /** Why {@code period} is not allowed, or null when it is. */
    public String refusal(RotationPeriod period) {
        if (period == null) {
            return "is required";
        }
        if (period.isCalendar()) {
            return null;
        }
        Duration length = period.approximateLength();
        if (length.compareTo(minPeriod) < 0 || length.compareTo(MAX_PERIOD) > 0) {
            return "must be an ISO-8601 duration from " + minPeriod + " to P366D, or one of P1W, P2W, P1M, P3M";
        }
        return null;
    }
}
