package org.metriclifecycle.query.team;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.metriclifecycle.events.RotationRule;
import org.metriclifecycle.events.TimeBounds;

/**
 * A rotation seen from one instant: which handoff comes next and who each metric goes to then. Every read answer
 * that names a next owner goes through here, so the team's page, the metric's page and the calendar agree, and
 * through {@link RotationRule}, so they agree with what the write side will do.
 */
public final class RotationForecast {

    private final RotationView rotation;
    private final List<RotationRule.Absence> absences;
    private final long nextHandoff;

    private RotationForecast(RotationView rotation, Instant now) {
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.absences = rotation.overrides().stream()
                .map(o -> new RotationRule.Absence(o.member(), o.replacement(), o.from(), o.to()))
                .toList();
        this.nextHandoff = RotationRule.nextHandoff(rotation.startsAt(), rotation.period(), now);
    }

    public static RotationForecast of(RotationView rotation, Instant now) {
        return new RotationForecast(rotation, now);
    }

    /** The number of the first handoff at or after the forecast's instant. */
    public long nextHandoff() {
        return nextHandoff;
    }

    /** Null when the schedule has no handoff left inside the years the service shows (through 9999). */
    public Instant nextHandoffAt() {
        Instant at = handoffAt(nextHandoff);
        return TimeBounds.contains(at) ? at : null;
    }

    /** Whether handoff {@code handoff} happens at all: a schedule ends with the last one in year 9999. */
    public boolean happens(long handoff) {
        return TimeBounds.contains(handoffAt(handoff));
    }

    public Instant handoffAt(long handoff) {
        return RotationRule.handoffAt(rotation.startsAt(), rotation.period(), handoff);
    }

    /** The owner after the next handoff of the team's {@code metricIndex}-th active metric (in proposal order). */
    public String nextOwner(int metricIndex) {
        return ownerAt(nextHandoff, metricIndex);
    }

    public String ownerAt(long handoff, int metricIndex) {
        return RotationRule.ownerAt(rotation.members(), absences, handoff, metricIndex, handoffAt(handoff));
    }
}
