package org.metriclifecycle.deploy.web;

import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Caller;

/** The forms the team page offers: exactly the team writes the caller's role allows in this team. */
public record TeamActions(boolean proposeMetric, boolean setBudget, boolean manageRotation) {

    public static TeamActions of(Caller caller, String team) {
        if (caller == null) {
            return new TeamActions(false, false, false);
        }
        return new TeamActions(caller.may(Action.PROPOSE_METRIC, team), caller.may(Action.SET_BUDGET, team),
                caller.may(Action.MANAGE_ROTATION, team));
    }

    public boolean any() {
        return proposeMetric || setBudget || manageRotation;
    }
}
