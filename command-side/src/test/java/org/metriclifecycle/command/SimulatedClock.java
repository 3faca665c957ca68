package org.metriclifecycle.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The single clock the aggregates see in tests: the fixture's (or a stub deadline manager's) simulated time, so
 * deadlines and recorded instants agree. A shift lets a given-phase command happen later than the fixture's frozen
 * given-phase time without firing any deadline in between, or a deadline fire late, as after downtime.
 */
public final class SimulatedClock extends Clock {

    private final Supplier<Instant> fixtureTime;
    private Duration shift = Duration.ZERO;

    public SimulatedClock(Supplier<Instant> fixtureTime) {
        this.fixtureTime = fixtureTime;
    }

    public void shiftBy(Duration shift) {
        this.shift = shift;
    }

    @Override
    public Instant instant() {
        return fixtureTime.get().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulated clock is UTC only");
    }
}
