package org.metriclifecycle.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;
import org.metriclifecycle.query.team.TeamProjection;

class WebhookSubscriptionProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final InMemoryWebhookSubscriptionStore store = new InMemoryWebhookSubscriptionStore();
    private final WebhookSubscriptionProjection projection = new WebhookSubscriptionProjection(store);
    private final WebhookQueryHandlers queries = new WebhookQueryHandlers(store);

    private static WebhookSubscribed subscribed(String team, String id, Instant at) {
        return new WebhookSubscribed(team, id, "https://hooks.example.com/" + id, "slack",
                Set.of("rotation.handoff", "metric.deprecated"), "sha256:" + id, at);
    }

    @Test
    void listsTheTeamsSubscriptionsInForceOldestFirstWithWhoSubscribed() {
        projection.on(subscribed("search", "w-2", T0.plusSeconds(5)), "lena");
        projection.on(subscribed("search", "w-1", T0), "ada");
        projection.on(subscribed("ads", "w-3", T0), "ada");

        assertThat(queries.find(new FindWebhookSubscriptions("search"))).isEqualTo(new WebhookSubscriptions("search",
                List.of(new WebhookSubscriptionView("w-1", "search", "https://hooks.example.com/w-1", "slack",
                                List.of("metric.deprecated", "rotation.handoff"), "sha256:w-1", T0, "ada"),
                        new WebhookSubscriptionView("w-2", "search", "https://hooks.example.com/w-2", "slack",
                                List.of("metric.deprecated", "rotation.handoff"), "sha256:w-2", T0.plusSeconds(5),
                                "lena"))));
        assertThat(queries.find(new FindWebhookSubscriptions("nobody")).items()).isEmpty();
    }

    @Test
    void anUnsubscribedSubscriptionLeavesAndRedeliveryEndsInTheSameState() {
        WebhookSubscribed subscribed = subscribed("search", "w-1", T0);
        WebhookUnsubscribed unsubscribed = new WebhookUnsubscribed("search", "w-1", T0.plusSeconds(1));

        projection.on(subscribed, "ada");
        projection.on(unsubscribed);
        // At-least-once delivery: the same events again, in stream order.
        projection.on(subscribed, "ada");
        projection.on(unsubscribed);
        projection.on(unsubscribed);

        assertThat(store.all()).isEmpty();
    }

    @Test
    void anEventWithoutAnActorIsAttributedToNobodyInParticular() {
        projection.on(subscribed("search", "w-1", T0), null);

        assertThat(store.find("w-1").orElseThrow().subscribedBy()).isEqualTo("anonymous");
    }

    @Test
    void sharesTheTeamViewsProcessingGroupSoBothCommitTogether() {
        assertThat(WebhookSubscriptionProjection.class.getAnnotation(ProcessingGroup.class).value())
                .isEqualTo(TeamProjection.PROCESSING_GROUP);
    }
}
