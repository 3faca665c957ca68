package org.metriclifecycle.deploy.axon;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The service's one clock, ticking in milliseconds (the API's precision, so nothing is lost in a round trip).
 * Inside an Axon unit of work it answers the instant the unit of work first asked, so a command's payload
 * times and its events' timestamps are one and the same instant and {@code ?asOf=} a payload time always
 * includes that event.
 */
public final class UnitOfWorkClock extends Clock {

    private static final String RESOURCE = UnitOfWorkClock.class.getName();
    /** Set only while {@link #pretending} runs on this thread. */
    private static final ThreadLocal<Instant> PRETENDED = new ThreadLocal<>();

    private final Clock base;

    UnitOfWorkClock(Clock base) {
        this.base = base;
    }

    static UnitOfWorkClock systemMillis() {
        return new UnitOfWorkClock(Clock.tickMillis(ZoneOffset.UTC));
    }

    @Override
    public Instant instant() {
        if (!CurrentUnitOfWork.isStarted()) {
            return now();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> now());
    }

    private Instant now() {
        Instant pretended = PRETENDED.get();
        return pretended != null ? pretended : base.instant();
    }

    /**
     * Runs {@code work} on this thread as if it were {@code instant}: the demo team's commands tell a story of
     * several months through the ordinary command path, each dated when it happens in the story. Deadlines it
     * schedules are real ones, fired by the scheduler at real time (those already due fire at once).
     */
    public static void pretending(Instant instant, Runnable work) {
        PRETENDED.set(instant);
        try {
            work.run();
        } finally {
            PRETENDED.remove();
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service keeps all time in UTC");
    }
}
