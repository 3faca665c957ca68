package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.team.TeamTestData.T0;
import static org.metriclifecycle.command.team.TeamTestData.TEAM;
import static org.metriclifecycle.command.team.TeamTestData.admitted;

import java.util.Set;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.command.UnknownWebhookSubscriptionException;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;

class UnsubscribeWebhookTest {

    private final AggregateTestFixture<TeamAggregate> fixture = TeamFixture.create().fixture();

    private static WebhookSubscribed subscribed(String id) {
        return new WebhookSubscribed(TEAM, id, "https://hooks.example.com/" + id, "json", Set.of("metric.deprecated"),
                "sha256:0123", T0);
    }

    @Test
    void stopsTheSubscription() {
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"), subscribed("w-1"), subscribed("w-2"))
               .when(new UnsubscribeWebhook(TEAM, "w-1"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new WebhookUnsubscribed(TEAM, "w-1", T0));
    }

    @Test
    void refusesAnUnknownSubscription() {
        fixture.given(subscribed("w-1"))
               .when(new UnsubscribeWebhook(TEAM, "w-9"))
               .expectException(UnknownWebhookSubscriptionException.class)
               .expectExceptionMessage("team search has no webhook subscription w-9")
               .expectNoEvents();
    }

    @Test
    void refusesToUnsubscribeTwice() {
        fixture.given(subscribed("w-1"), new WebhookUnsubscribed(TEAM, "w-1", T0))
               .when(new UnsubscribeWebhook(TEAM, "w-1"))
               .expectException(UnknownWebhookSubscriptionException.class)
               .expectNoEvents();
    }

    @Test
    void anUnknownTeamIsNotFound() {
        fixture.givenNoPriorActivity()
               .when(new UnsubscribeWebhook(TEAM, "w-1"))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }
}
