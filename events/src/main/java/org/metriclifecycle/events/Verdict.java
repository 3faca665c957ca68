package org.metriclifecycle.events;

/** What one recorded correlation says about its hypothesis. */
public enum Verdict {
    SUPPORTED,
    REFUTED,
    /** Too small a sample to speak either way: kept as evidence, changes no status. */
    INCONCLUSIVE;

    public boolean isConclusive() {
        return this != INCONCLUSIVE;
    }
}
