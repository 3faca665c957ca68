package org.metriclifecycle.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC's rotation rule, shared by the write side (which applies it at each handoff) and the read side (which
 * shows the next owners): handoffs happen at {@code startsAt + k * period}; at handoff k the team's i-th active
 * metric (in order of proposal, from 0) goes to {@code members[(k + i) mod n]}, or to that member's replacement
 * when an override covers the handoff instant.
 */
public final class RotationRule {

    /** An absence: {@code from} inclusive, {@code to} exclusive. */
    public record Absence(String member, String replacement, Instant from, Instant to) {

        boolean covers(String who, Instant at) {
            return member.equals(who) && !at.isBefore(from) && at.isBefore(to);
        }
    }

    private RotationRule() {
    }

    /** Handoff {@code handoff}'s instant: the one function every side computes handoffs with. */
    public static Instant handoffAt(Instant startsAt, RotationPeriod period, long handoff) {
        return period.handoffAt(startsAt, handoff);
    }

    /** The first handoff at or after {@code now}. */
    public static long nextHandoff(Instant startsAt, RotationPeriod period, Instant now) {
        return period.nextHandoff(startsAt, now);
    }

    /** The last handoff at or before {@code now}, or -1 before the first. */
    public static long lastHandoff(Instant startsAt, RotationPeriod period, Instant now) {
        return period.lastHandoff(startsAt, now);
    }

    public static String ownerAt(List<String> members, List<Absence> absences, long handoff, int metricIndex,
                                 Instant at) {
        String member = members.get((int) Math.floorMod(handoff + metricIndex, (long) members.size()));
        for (Absence absence : absences) {
            if (absence.covers(member, at)) {
                return absence.replacement();
            }
        }
        return member;
    }

    /** The owners after handoff {@code handoff} of the active metrics, given in order of proposal. */
    public static List<RotationAssignment> assignments(List<String> members, List<Absence> absences,
                                                       long handoff, Instant at, List<String> activeMetricIds) {
        List<RotationAssignment> assignments = new ArrayList<>(activeMetricIds.size());
        for (int i = 0; i < activeMetricIds.size(); i++) {
            assignments.add(new RotationAssignment(activeMetricIds.get(i), ownerAt(members, absences, handoff, i, at)));
        }
        return assignments;
    }
}
