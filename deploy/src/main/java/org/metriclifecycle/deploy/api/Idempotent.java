package org.metriclifecycle.deploy.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A write that honours the {@code Idempotency-Key} request header ({@link IdempotentWrites}): a retry with the same
 * key gets the first answer back and changes nothing.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /**
     * Whether the write and its stored answer commit in one transaction (every command). False for an action that
     * cannot join a transaction and is harmless to repeat (a replay): its answer is stored right after it.
     */
    @Nonbinding
    boolean atomic() default true;

    /** A secret in the answer, which the stored answer leaves out and a replay reads back ({@link AnswerSecret}). */
    @Nonbinding
    Class<? extends AnswerSecret> secret() default AnswerSecret.None.class;
}
