package org.metriclifecycle.deploy.api;

import java.util.List;

/** A request the HTTP layer refuses itself (query parameters, references to other metrics). */
public class InvalidRequestException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidRequestException(String field, String message) {
        super(field + " " + message);
        this.errors = List.of(new Problem.FieldError(field, message));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
