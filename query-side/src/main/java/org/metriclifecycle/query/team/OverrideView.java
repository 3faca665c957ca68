package org.metriclifecycle.query.team;

import java.time.Instant;

import org.metriclifecycle.events.RotationOverrideAdded;

/**
 * While {@code member} is away ({@code from} inclusive, {@code to} exclusive) {@code replacement} takes their
 * metrics.
 */
public record OverrideView(String overrideId, String member, String replacement, Instant from, Instant to) {

    public static OverrideView of(RotationOverrideAdded added) {
        return new OverrideView(added.overrideId(), added.member(), added.replacement(), added.from(), added.to());
    }
}
