package org.metriclifecycle.deploy.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}: presence, visible content and length in code points. */
public class TextValidator implements ConstraintValidator<Text, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Text text) {
        this.min = text.min();
        this.max = text.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = problem(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    private String problem(String value) {
        if (value == null) {
            return min > 0 ? "is required" : null;
        }
        if (min > 0 && TextRules.isInvisible(value)) {
            return "must hold something besides white space and invisible characters";
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            return min > 0 ? "must be " + min + " to " + max + " characters long" : "must be at most " + max
                    + " characters long";
        }
        return null;
    }
}
