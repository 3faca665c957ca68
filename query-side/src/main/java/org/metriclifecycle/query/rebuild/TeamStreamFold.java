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
 * ({@link WebhookSubscriptionFold}), and the last sequence folded.
 */
public final class TeamStreamFold extends StreamFold {

    private final String team;
    private TeamView view;
    private final Map<String, WebhookSubscriptionView> subscriptions = new LinkedHashMap<>();

    TeamStreamFold(String team) {
        this.team = team;
    }

    public String team() {
        return team;
    }

    public String aggregateId() {
        return TeamEvent.aggregateId(team);
    }

    @Override
    void fold(RebuildEvent event) {
        TeamEvent payload = (TeamEvent) event.payload();
        view = TeamViewFold.apply(view, payload);
        Object actor = event.metaData().get(EventMetadata.ACTOR);
        WebhookSubscriptionFold.apply(subscriptions, payload, actor == null ? null : actor.toString());
    }

    @Override
    void forget() {
        view = null;
        subscriptions.clear();
    }

    public TeamView view() {
        return view;
    }

    public List<WebhookSubscriptionView> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }
}
