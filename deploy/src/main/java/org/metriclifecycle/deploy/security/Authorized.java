package org.metriclifecycle.deploy.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Declares what an endpoint does; {@link AuthorizationInterceptor} decides, in one place for the whole API,
 * whether the caller may do it in the team it touches.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Authorized {

    @Nonbinding
    Action value();
}
