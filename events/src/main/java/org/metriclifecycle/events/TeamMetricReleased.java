package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A deprecated metric gave its slot back. */
@Revision("1")
public record TeamMetricReleased(String team, String metricId, Instant releasedAt) implements TeamEvent {
}
