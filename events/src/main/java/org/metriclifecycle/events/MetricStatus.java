package org.metriclifecycle.events;

import java.util.Collection;

/**
 * The lifecycle status of a metric. Never stored: both the write side and the read side derive it from the
 * same facts with {@link #derive}, so the two can never disagree on the precedence.
 */
public enum MetricStatus {
    PROPOSED,
    LINKED,
    VALIDATED,
    /** It has hypotheses and every one of them is REFUTED. */
    REFUTED,
    DEPRIORITIZED,
    DEPRECATED;

    public static MetricStatus derive(boolean deprecated, boolean deprioritized,
                                      Collection<HypothesisStatus> hypotheses) {
        if (deprecated) {
            return DEPRECATED;
        }
        if (deprioritized) {
            return DEPRIORITIZED;
        }
        if (hypotheses.contains(HypothesisStatus.SUPPORTED)) {
            return VALIDATED;
        }
        if (hypotheses.contains(HypothesisStatus.OPEN)) {
            return LINKED;
        }
        if (!hypotheses.isEmpty() && hypotheses.stream().allMatch(s -> s == HypothesisStatus.REFUTED)) {
            return REFUTED;
        }
        return PROPOSED;
    }
}
