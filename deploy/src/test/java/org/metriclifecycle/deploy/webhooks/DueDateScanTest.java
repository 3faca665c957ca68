package org.metriclifecycle.deploy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewFold;

class DueDateScanTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration LEAD = Duration.ofDays(7);
    private static final String LINK = "metric.link_deadline_due";
    private static final String REVALIDATION = "metric.revalidation_due";

    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final InMemoryOutbox outbox = new InMemoryOutbox();

    private DueDateScan scan(Map<String, List<MetricView>> metrics) {
        return new DueDateScan(subscriptions, TestMetrics.activeByTeam(metrics),
                new WebhookFanOut(subscriptions, outbox, Clock.fixed(NOW, ZoneOffset.UTC)), LEAD);
    }

    private static Instant inDays(double days) {
        return NOW.plusSeconds((long) (days * 86_400));
    }

    @Test
    void warnsOfLinkDeadlinesAndRevalidationsWithinTheLeadTimeOnly() {
        subscriptions.add("w-1", "search", "json", NOW.minusSeconds(60), LINK, REVALIDATION);
        MetricView soon = TestMetrics.proposed("m-soon", "search", inDays(-39), inDays(3));
        MetricView linkedSoon = TestMetrics.linked(TestMetrics.proposed("m-linked", "search", inDays(-40), inDays(2)));
        MetricView atTheEdge = TestMetrics.proposed("m-edge", "search", inDays(-35), inDays(7));
        MetricView later = TestMetrics.proposed("m-later", "search", inDays(-30), inDays(12));
        MetricView past = TestMetrics.proposed("m-past", "search", inDays(-43), inDays(-1));
        MetricView revalidate = TestMetrics.validated(TestMetrics.proposed("m-valid", "search", inDays(-100),
                inDays(-58)), inDays(-84), inDays(6));
        MetricView revalidateLater = TestMetrics.validated(TestMetrics.proposed("m-valid-later", "search",
                inDays(-100), inDays(-58)), inDays(-60), inDays(30));
        // Validated early: its link deadline is near but no longer matters.
        MetricView validatedEarly = TestMetrics.validated(TestMetrics.proposed("m-early", "search", inDays(-39),
                inDays(3)), inDays(-30), inDays(60));
        MetricView deprioritized = MetricViewFold.apply(TestMetrics.validated(TestMetrics.proposed("m-depr", "search",
                        inDays(-100), inDays(-58)), inDays(-84), inDays(6)),
                new MetricDeprioritized("m-depr", DeprioritizationRule.REVALIDATION_LAPSED, "lapsed", inDays(-1)));

        int added = scan(Map.of("search", List.of(soon, linkedSoon, atTheEdge, later, past, revalidate,
                revalidateLater, validatedEarly, deprioritized))).run(NOW);

        assertThat(added).isEqualTo(4);
        assertThat(outbox.deliveries()).extracting(NewDelivery::metricId, NewDelivery::kind).containsExactly(
                tuple("m-soon", LINK),
                tuple("m-linked", LINK),
                tuple("m-edge", LINK),
                tuple("m-valid", REVALIDATION));
        assertThat(outbox.deliveries().get(0).dedupKey())
                .isEqualTo("due:metric.link_deadline_due:m-soon:2026-03-04T09:00:00Z");
        assertThat(outbox.deliveries().get(3).body()).contains("must be revalidated by 2026-03-07T09:00:00.000Z (in 6 days)");
    }

    @Test
    void warnsOncePerDueDateHoweverOftenItRunsAndAgainWhenTheDateMoves() {
        subscriptions.add("w-1", "search", "json", NOW.minusSeconds(60), LINK);
        MetricView metric = TestMetrics.proposed("m-1", "search", inDays(-39), inDays(3));

        scan(Map.of("search", List.of(metric))).run(NOW);
        int again = scan(Map.of("search", List.of(metric))).run(NOW.plusSeconds(60));
        // A major revision starts a new link window: a new due date is a new warning.
        MetricView revised = metric.withLinkDeadline(inDays(5));
        int moved = scan(Map.of("search", List.of(revised))).run(NOW.plusSeconds(120));

        assertThat(again).isZero();
        assertThat(moved).isEqualTo(1);
        assertThat(outbox.deliveries()).hasSize(2);
    }

    @Test
    void onlyTeamsWithASubscriptionToADueKindAreScanned() {
        subscriptions.add("w-1", "search", "json", NOW.minusSeconds(60), "metric.deprecated");
        subscriptions.add("w-2", "ads", "slack", NOW.minusSeconds(60), REVALIDATION);
        MetricView searchMetric = TestMetrics.proposed("m-1", "search", inDays(-39), inDays(3));
        MetricView adsMetric = TestMetrics.proposed("m-2", "ads", inDays(-39), inDays(3));

        int added = scan(Map.of("search", List.of(searchMetric), "ads", List.of(adsMetric))).run(NOW);

        assertThat(added).as("ads only wants revalidations, search no due kind at all").isZero();
    }

    @Test
    void eachSubscriptionOfTheTeamGetsItsOwnDelivery() {
        subscriptions.add("w-1", "search", "json", NOW.minusSeconds(60), LINK);
        subscriptions.add("w-2", "search", "slack", NOW.minusSeconds(30), LINK, REVALIDATION);

        scan(Map.of("search", List.of(TestMetrics.proposed("m-1", "search", inDays(-39), inDays(3))))).run(NOW);

        assertThat(outbox.deliveries()).extracting(NewDelivery::subscriptionId).containsExactly("w-1", "w-2");
        assertThat(outbox.deliveries().get(1).body())
                .isEqualTo("{\"text\":\"Metric \\\"groundedness m-1\\\" of team search needs a supported hypothesis by "
                        + "2026-03-04T09:00:00.000Z (in 3 days), or it is deprioritized\"}");
    }
}
