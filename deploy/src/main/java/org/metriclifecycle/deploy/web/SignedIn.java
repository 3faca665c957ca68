package org.metriclifecycle.deploy.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.deploy.security.Role;

/**
 * Who the header says is signed in, and in which role and teams (so a person knows why a form is missing).
 *
 * @param teamList the caller's own teams, linked from the navigation
 */
public record SignedIn(String name, String roles, String teams, List<String> teamList) {

    static SignedIn of(Caller caller) {
        String roles = caller.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(", "));
        String teams = caller.roles().contains(Role.ADMIN) ? "all teams"
                : caller.teams().isEmpty() ? "no team" : String.join(", ", caller.teams().stream().sorted().toList());
        return new SignedIn(caller.name(), roles.isEmpty() ? "no role" : roles.toLowerCase(Locale.ROOT), teams,
                caller.teams().stream().sorted().toList());
    }
}
