package org.metriclifecycle.deploy.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text field's length in Unicode code points (SPEC: an emoji is one), counted on the text as bound, which
 * {@link ApiJson} has already trimmed and NFC-normalized. With {@code min >= 1} the field is required and must hold
 * something besides white space and invisible characters (a zero-width space is not a name). Bean validation's
 * {@code @Size} counts UTF-16 units instead, which refuses 61 emoji as over 120.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {

    /** A version as new input may write it: at most three numeric parts of at most nine digits each. */
    String VERSION = "\\d{1,9}(\\.\\d{1,9}){0,2}";
    String VERSION_RULE = "must be a version like 1.0 or 2.1.3: at most 3 parts of at most 9 digits";

    int min() default 0;

    int max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
