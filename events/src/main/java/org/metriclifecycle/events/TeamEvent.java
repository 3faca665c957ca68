package org.metriclifecycle.events;

/**
 * The event family of one team's stream: the team-wide rules (budget, rotation) need a consistency boundary of
 * their own. Webhook subscriptions are team governance too, so they live in the same audited stream. The stream's
 * aggregate identifier is {@link #aggregateId(String)}, never the bare slug, so a team can never collide with a
 * metric's stream.
 */
public sealed interface TeamEvent
        permits TeamMetricAdmitted, TeamMetricReleased, CoreMetricLimitChanged, RotationScheduled, RotationStopped,
        RotationOverrideAdded, RotationHandoffReached, WebhookSubscribed, WebhookUnsubscribed, TeamRosterSet {

    String AGGREGATE_PREFIX = "team:";

    String team();

    static String aggregateId(String team) {
        return AGGREGATE_PREFIX + team;
    }
}
