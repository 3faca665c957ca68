package org.metriclifecycle.deploy.security;

import java.util.Set;

/** Who is asking: the authenticated principal, their roles, and the teams they belong to. */
public record Caller(String name, Set<Role> roles, Set<String> teams) {

    public Caller {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    /** SPEC's rules: admin does everything; otherwise the role must allow the action, in one of the caller's teams. */
    public boolean may(Action action, String team) {
        if (roles.contains(Role.ADMIN)) {
            return true;
        }
        boolean roleAllows = roles.stream().anyMatch(action.roles()::contains);
        if (!roleAllows) {
            return false;
        }
        return !action.teamScoped() || (team != null && teams.contains(team));
    }
}
