package org.metriclifecycle.deploy.axon;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one clock all time comes from: aggregates, deadlines, event timestamps and the HTTP layer. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return UnitOfWorkClock.systemMillis();
    }
}
