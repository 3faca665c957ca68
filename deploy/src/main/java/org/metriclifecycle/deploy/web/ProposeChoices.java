package org.metriclifecycle.deploy.web;

import java.util.Collection;
import java.util.List;

import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.deploy.security.Role;

/**
 * Where the board's proposal form may propose: an admin anywhere (any slug, the known teams suggested), everyone
 * else only in their own teams that their role allows; nobody else sees the form.
 *
 * @param anyTeam whether the team is free text (admin) rather than a choice
 * @param teams   the teams offered (admin: suggestions)
 */
public record ProposeChoices(boolean anyTeam, List<String> teams) {

    public static ProposeChoices of(Caller caller, Collection<String> knownTeams) {
        if (caller == null) {
            return new ProposeChoices(false, List.of());
        }
        if (caller.roles().contains(Role.ADMIN)) {
            return new ProposeChoices(true, knownTeams.stream().sorted().toList());
        }
        return new ProposeChoices(false, caller.teams().stream().filter(team -> caller.may(Action.PROPOSE_METRIC, team))
                .sorted().toList());
    }

    /** The teams as choices of a {@code <select>}. */
    public List<Option> teamOptions() {
        return teams.stream().map(team -> new Option(team, team)).toList();
    }

    public boolean allowed() {
        return anyTeam || !teams.isEmpty();
    }
}
