package org.metriclifecycle.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A proposed metric took one of the team's slots (it counts against the budget until it is released). */
@Revision("1")
public record TeamMetricAdmitted(String team, String metricId, Instant admittedAt) implements TeamEvent {
}
