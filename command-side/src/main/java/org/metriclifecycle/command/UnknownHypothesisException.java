package org.metriclifecycle.command;

/** A command named a hypothesis the metric does not have (answered with 404). */
public class UnknownHypothesisException extends RuntimeException {

    private final String hypothesisId;

    public UnknownHypothesisException(String hypothesisId) {
        super("unknown hypothesis: " + hypothesisId);
        this.hypothesisId = hypothesisId;
    }

    public String hypothesisId() {
        return hypothesisId;
    }
}
