package org.metriclifecycle.deploy.security;

import java.lang.reflect.Parameter;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;

import org.axonframework.modelling.command.AggregateNotFoundException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The API's one authorization point. Runs before validation and the resource method: anonymous callers get 401,
 * callers whose role or team does not allow the action get 403, and nothing reaches the command side. The team
 * comes from the path ({team}), the metric in the path ({metricId}, via the read model), or the body.
 */
@Authorized(Action.READ)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuthorizationInterceptor {

    @Inject
    CallerIdentity callers;
    @Inject
    MetricTeamDirectory readModels;

    @AroundInvoke
    Object authorize(InvocationContext invocation) throws Exception {
        Action action = action(invocation);
        Caller caller = callers.current().orElseThrow(UnauthorizedException::new);
        String team = action.teamScoped() ? team(invocation) : null;
        if (!caller.may(action, team)) {
            throw new ForbiddenException(caller.name() + " may not " + describe(action)
                    + (team == null ? "" : " in team " + team));
        }
        for (Action further : alsoPerformed(invocation)) {
            if (!caller.may(further, team)) {
                throw new ForbiddenException(caller.name() + " may not " + describe(further) + " in team " + team
                        + ", which this request would do");
            }
        }
        return invocation.proceed();
    }

    private static Action action(InvocationContext invocation) {
        Authorized onMethod = invocation.getMethod().getAnnotation(Authorized.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        return invocation.getMethod().getDeclaringClass().getAnnotation(Authorized.class).value();
    }

    private String team(InvocationContext invocation) {
        Parameter[] parameters = invocation.getMethod().getParameters();
        Object[] values = invocation.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            PathParam path = parameters[i].getAnnotation(PathParam.class);
            if (path != null && "team".equals(path.value())) {
                return (String) values[i];
            }
            if (path != null && "metricId".equals(path.value())) {
                // An unknown metric is a 404 for everyone, before any role check: a 403 would tell the two apart.
                String metricId = (String) values[i];
                String team = readModels.teamOf(metricId);
                if (team == null) {
                    throw new AggregateNotFoundException(metricId, "unknown metric: " + metricId);
                }
                return team;
            }
            if (values[i] instanceof TeamScoped scoped) {
                return scoped.team();
            }
        }
        return null;
    }

    private static Set<Action> alsoPerformed(InvocationContext invocation) {
        for (Object value : invocation.getParameters()) {
            if (value instanceof TeamScoped scoped) {
                return scoped.alsoPerforms();
            }
        }
        return Set.of();
    }

    private static String describe(Action action) {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
