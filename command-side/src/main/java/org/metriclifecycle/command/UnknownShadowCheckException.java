package org.metriclifecycle.command;

/** A command named a shadow check the metric does not have (answered with 404). */
public class UnknownShadowCheckException extends RuntimeException {

    public UnknownShadowCheckException(String checkId) {
        super("unknown shadow check: " + checkId);
    }
}
