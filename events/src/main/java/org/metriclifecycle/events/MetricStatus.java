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
        return PROPOSED;
    }
}
