package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The team stopped rotating ownership; owners stay as they are. */
@Revision("1")
public record RotationStopped(String team, String scheduleId, Instant stoppedAt) implements TeamEvent {
}
