package org.metriclifecycle.events;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The team's ownership rotation from now on: handoff k happens at {@code startsAt + k * period}. It replaces any
 * earlier schedule for the future only; {@code scheduleId} tells a handoff deadline of this schedule from one
 * of a replaced schedule.
 */
// 2: the period is ISO-8601 text and may be calendar months (revision 1 stored a Duration as a number of seconds;
// see RotationScheduledPeriodUpcaster).
@Revision("2")
public record RotationScheduled(
        String team,
        String scheduleId,
        List<String> members,
        RotationPeriod period,
        Instant startsAt,
        Instant scheduledAt) implements TeamEvent {

    public RotationScheduled {
        members = List.copyOf(members);
    }
}
