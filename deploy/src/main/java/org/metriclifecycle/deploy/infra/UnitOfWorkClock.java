package org.metriclifecycle.deploy.infra;

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
final class UnitOfWorkClock extends Clock {

    private static final String RESOURCE = UnitOfWorkClock.class.getName();

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
            return base.instant();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> base.instant());
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
