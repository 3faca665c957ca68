package org.metriclifecycle.query.metric;

import java.time.Instant;

/**
 * A metric's shadow checks in sum: how many are {@code open}, {@code confirmed}, {@code diverged} and
 * {@code expired}; {@code falsePositiveRate} = diverged / (confirmed + diverged), null before any conclusion; and
 * {@code lastConfirmedAt}, the last time the eval predicted a business result.
 */
public record TrackRecord(int open, int confirmed, int diverged, int expired, Double falsePositiveRate,
                          Instant lastConfirmedAt) {

    public static final TrackRecord NONE = of(0, 0, 0, 0, null);

    public static TrackRecord of(int open, int confirmed, int diverged, int expired, Instant lastConfirmedAt) {
        int concluded = confirmed + diverged;
        return new TrackRecord(open, confirmed, diverged, expired, concluded == 0 ? null : (double) diverged / concluded,
                lastConfirmedAt);
    }

    public TrackRecord opened() {
        return of(open + 1, confirmed, diverged, expired, lastConfirmedAt);
    }

    public TrackRecord confirmedAt(Instant at) {
        return of(Math.max(0, open - 1), confirmed + 1, diverged, expired, at);
    }

    public TrackRecord divergedOnce() {
        return of(Math.max(0, open - 1), confirmed, diverged + 1, expired, lastConfirmedAt);
    }

    public TrackRecord expiredOnce() {
        return of(Math.max(0, open - 1), confirmed, diverged, expired + 1, lastConfirmedAt);
    }
}
