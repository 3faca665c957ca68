package org.metriclifecycle.deploy.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything the API lets someone do, with the roles that may do it in their own teams (SPEC "Security").
 * {@code admin} may do everything everywhere; every signed-in role may read.
 */
public enum Action {
    READ(EnumSet.allOf(Role.class), false),
    PROPOSE_METRIC(EnumSet.of(Role.CONTRIBUTOR, Role.LEAD), true),
    LINK_HYPOTHESIS(EnumSet.of(Role.CONTRIBUTOR, Role.LEAD), true),
    REVISE_DEFINITION(EnumSet.of(Role.CONTRIBUTOR, Role.LEAD), true),
    RECORD_BLIND_SPOT(EnumSet.of(Role.CONTRIBUTOR, Role.LEAD), true),
    RECORD_CORRELATION(EnumSet.of(Role.PIPELINE, Role.LEAD), true),
    /** Opening a shadow check is planning a release: the people who link hypotheses do it. */
    OPEN_SHADOW_CHECK(EnumSet.of(Role.CONTRIBUTOR, Role.LEAD), true),
    /**
     * Concluding one records an observed outcome, which an eval pipeline measures (like a correlation) or the
     * contributor who opened it reads off a dashboard.
     */
    CONCLUDE_SHADOW_CHECK(EnumSet.of(Role.PIPELINE, Role.CONTRIBUTOR, Role.LEAD), true),
    DEPRECATE_METRIC(EnumSet.of(Role.LEAD), true),
    CHANGE_OWNER(EnumSet.of(Role.LEAD), true),
    MANAGE_ROTATION(EnumSet.of(Role.LEAD), true),
    SET_BUDGET(EnumSet.of(Role.LEAD), true),
    /** Who is on the team decides who may own its metrics: the lead's call, like the budget and the rotation. */
    SET_ROSTER(EnumSet.of(Role.LEAD), true),
    /**
     * Managing the team's webhooks, and reading them: a subscription's URL can itself be a credential (Slack's are),
     * and its delivery log shows what the team's receivers answer.
     */
    WEBHOOKS(EnumSet.of(Role.LEAD), true),
    /** Operating the service (processors, replays): admin only. */
    ADMINISTER(EnumSet.noneOf(Role.class), false);

    private final Set<Role> roles;
    private final boolean teamScoped;

    Action(Set<Role> roles, boolean teamScoped) {
        this.roles = roles;
        this.teamScoped = teamScoped;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Whether the caller must belong to the team the action touches. */
    public boolean teamScoped() {
        return teamScoped;
    }
}
