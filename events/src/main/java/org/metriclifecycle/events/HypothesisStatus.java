package org.metriclifecycle.events;

/** A hypothesis is OPEN until a conclusive correlation speaks for or against it; then it carries the latest one. */
public enum HypothesisStatus {
    OPEN,
    SUPPORTED,
    REFUTED;

    public static HypothesisStatus of(Verdict conclusiveVerdict) {
        return switch (conclusiveVerdict) {
            case SUPPORTED -> SUPPORTED;
            case REFUTED -> REFUTED;
            case INCONCLUSIVE -> throw new IllegalArgumentException("an inconclusive verdict changes no status");
        };
    }
}
