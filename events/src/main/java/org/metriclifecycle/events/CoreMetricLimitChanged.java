package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The team's metric budget changed; {@code previousLimit} is the one in force before (the default if never set). */
@Revision("1")
public record CoreMetricLimitChanged(String team, int previousLimit, int coreMetricLimit, Instant changedAt)
        implements TeamEvent {
}
