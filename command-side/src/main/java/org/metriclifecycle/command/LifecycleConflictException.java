package org.metriclifecycle.command;

/** A command the metric's lifecycle forbids in its current state (answered with 409). */
public class LifecycleConflictException extends RuntimeException {

    public LifecycleConflictException(String message) {
        super(message);
    }
}
