package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.team.TeamTestData.T0;
import static org.metriclifecycle.command.team.TeamTestData.TEAM;
import static org.metriclifecycle.command.team.TeamTestData.admitted;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;

class SubscribeWebhookTest {

    private static final String URL = "https://hooks.example.com/metrics";
    private static final Set<String> KINDS = Set.of("metric.deprecated", "rotation.handoff");
    private static final String FINGERPRINT = "sha256:0123";

    private final AggregateTestFixture<TeamAggregate> fixture = TeamFixture.create().fixture();

    private static SubscribeWebhook subscribe(String id, String url) {
        return new SubscribeWebhook(TEAM, id, url, "json", KINDS, FINGERPRINT);
    }

    private static WebhookSubscribed subscribed(String id) {
        return new WebhookSubscribed(TEAM, id, URL, "json", KINDS, FINGERPRINT, T0);
    }

    @Test
    void createsTheTeamWithItsFirstSubscription() {
        fixture.givenCurrentTime(T0)
               .when(subscribe("w-1", URL))
               .expectSuccessfulHandlerExecution()
               .expectEvents(subscribed("w-1"));
    }

    @Test
    void addsASubscriptionToAnExistingTeam() {
        fixture.givenCurrentTime(T0)
               .andGiven(admitted("m-1"), subscribed("w-1"))
               .when(new SubscribeWebhook(TEAM, "w-2", "http://127.0.0.1:8081/hook?team=search", "slack",
                       Set.of("metric.link_deadline_due"), FINGERPRINT))
               .expectEvents(new WebhookSubscribed(TEAM, "w-2", "http://127.0.0.1:8081/hook?team=search", "slack",
                       Set.of("metric.link_deadline_due"), FINGERPRINT, T0));
    }

    @Test
    void refusesTheTwentyFirstSubscription() {
        List<Object> twenty = new ArrayList<>();
        for (int i = 0; i < TeamAggregate.MAX_WEBHOOK_SUBSCRIPTIONS; i++) {
            twenty.add(subscribed("w-" + i));
        }
        fixture.given(twenty)
               .when(subscribe("w-21", URL))
               .expectException(LifecycleConflictException.class)
               .expectExceptionMessage("team search already has 20 webhook subscriptions; remove one first")
               .expectNoEvents();
    }

    @Test
    void anUnsubscribedSlotCanBeTakenAgain() {
        List<Object> history = new ArrayList<>();
        for (int i = 0; i < TeamAggregate.MAX_WEBHOOK_SUBSCRIPTIONS; i++) {
            history.add(subscribed("w-" + i));
        }
        history.add(new WebhookUnsubscribed(TEAM, "w-3", T0));
        fixture.givenCurrentTime(T0)
               .andGiven(history)
               .when(subscribe("w-21", URL))
               .expectEvents(subscribed("w-21"));
    }

    @Test
    void refusesAnIdInUse() {
        fixture.given(subscribed("w-1"))
               .when(subscribe("w-1", URL))
               .expectException(invalidField("subscriptionId"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "hooks.example.com/x", "/relative/path", "ftp://hooks.example.com/x",
            "https://hooks.example.com:99999/x", "https://hooks.example.com:0/x", "http://hooks.example.com:65536/",
            "file:///etc/passwd", "javascript:alert(1)", "mailto:lena@example.com", "http://", "http:///path",
            "https://exa mple.com/", "https://user:secret@hooks.example.com/x", "https://token@hooks.example.com/x",
            "https://user:pw@under_score.example.com/x"})
    void refusesAUrlThatIsNotAPlainHttpTarget(String url) {
        fixture.givenNoPriorActivity()
               .when(subscribe("w-1", url))
               .expectException(InvalidCommandException.class)
               .expectException(invalidField("url"))
               .expectNoEvents();
    }

    @Test
    void refusesAnOverlongUrl() {
        fixture.givenNoPriorActivity()
               .when(subscribe("w-1", "https://hooks.example.com/" + "x".repeat(WebhookUrl.MAX_LENGTH)))
               .expectException(invalidField("url"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTPS://Hooks.Example.com/x", "http://localhost:9000/", "https://[::1]:8443/hook",
            "https://hooks.slack.com/services/T000/B000/XXXX"})
    void acceptsHttpAndHttpsUrls(String url) {
        fixture.givenCurrentTime(T0)
               .when(subscribe("w-1", url))
               .expectEvents(new WebhookSubscribed(TEAM, "w-1", url, "json", KINDS, FINGERPRINT, T0));
    }

    static Stream<Arguments> invalidSubscriptions() {
        Set<String> withNull = new HashSet<>();
        withNull.add(null);
        return Stream.of(
                Arguments.of("team", new SubscribeWebhook(" ", "w-1", URL, "json", KINDS, FINGERPRINT)),
                Arguments.of("subscriptionId", new SubscribeWebhook(TEAM, " ", URL, "json", KINDS, FINGERPRINT)),
                Arguments.of("url", new SubscribeWebhook(TEAM, "w-1", null, "json", KINDS, FINGERPRINT)),
                Arguments.of("format", new SubscribeWebhook(TEAM, "w-1", URL, "xml", KINDS, FINGERPRINT)),
                Arguments.of("format", new SubscribeWebhook(TEAM, "w-1", URL, "JSON", KINDS, FINGERPRINT)),
                Arguments.of("format", new SubscribeWebhook(TEAM, "w-1", URL, null, KINDS, FINGERPRINT)),
                Arguments.of("events", new SubscribeWebhook(TEAM, "w-1", URL, "json", Set.of(), FINGERPRINT)),
                Arguments.of("events", new SubscribeWebhook(TEAM, "w-1", URL, "json", null, FINGERPRINT)),
                Arguments.of("events", new SubscribeWebhook(TEAM, "w-1", URL, "json", withNull, FINGERPRINT)),
                Arguments.of("events", new SubscribeWebhook(TEAM, "w-1", URL, "json",
                        Set.of("metric.deprecated", "metric.proposed"), FINGERPRINT)),
                Arguments.of("secretFingerprint", new SubscribeWebhook(TEAM, "w-1", URL, "json", KINDS, " ")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidSubscriptions")
    void rejectsAnInvalidSubscription(String field, SubscribeWebhook command) {
        fixture.givenNoPriorActivity()
               .when(command)
               .expectException(InvalidCommandException.class)
               .expectException(invalidField(field))
               .expectNoEvents();
    }
}
