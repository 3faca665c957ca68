package org.metriclifecycle.query.rebuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.query.team.TeamView;
import org.metriclifecycle.query.team.TeamViewFold;
import org.metriclifecycle.query.webhook.WebhookSubscriptionFold;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;

/**
 * One team's stream folded in memory: the team's view ({@link TeamViewFold}) and the webhook subscriptions in force
 * ({@link WebhookSubscriptionFold}), and the last sequence folded. Stream order and gaps as in
 * {@link MetricStreamFold}.
 */
public final class TeamStreamFold {

    private final String team;
    private TeamView view;
    private long lastSequence = -1;
    private final Map<String, WebhookSubscriptionView> subscriptions = new LinkedHashMap<>();
    private boolean broken;

    TeamStreamFold(String team) {
        this.team = team;
    }

    public String team() {
        return team;
    }

    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }

    public boolean apply(RebuildEvent event) {
        if (broken || event.sequence() <= lastSequence) {
            return false;
        }
        if (event.sequence() != lastSequence + 1) {
            broken = true;
            return false;
        }
        TeamEvent payload = (TeamEvent) event.payload();
        view = TeamViewFold.apply(view, payload);
        Object actor = event.metaData().get(EventMetadata.ACTOR);
        WebhookSubscriptionFold.apply(subscriptions, payload, actor == null ? null : actor.toString());
        lastSequence = event.sequence();
        return true;
    }

    void restart() {
        view = null;
        lastSequence = -1;
        subscriptions.clear();
        broken = false;
    }

    public boolean broken() {
        return broken;
    }

    public TeamView view() {
        return view;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public List<WebhookSubscriptionView> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }
}
