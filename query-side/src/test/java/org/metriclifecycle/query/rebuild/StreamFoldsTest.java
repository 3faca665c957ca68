package org.metriclifecycle.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CoreMetricLimitChanged;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.TeamMetricAdmitted;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.InMemoryMetricViewStore;
import org.metriclifecycle.query.metric.MetricProjection;
import org.metriclifecycle.query.metric.ViewJson;
import org.metriclifecycle.query.team.InMemoryTeamViewStore;
import org.metriclifecycle.query.team.TeamProjection;
import org.metriclifecycle.query.webhook.InMemoryWebhookSubscriptionStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionProjection;

/** The rebuild's in-memory fold ends where the incremental projections end, and hands streams over as it should. */
class StreamFoldsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ObjectMapper JSON = ViewJson.mapper();

    private static MetricProposed proposed(String metricId, String team, Instant at) {
        return new MetricProposed(metricId, "answer accuracy " + metricId, "share of correct answers", team, "ada",
                "1.0", "support", "users ask", at, at.plus(Duration.ofDays(42)));
    }

    private static HypothesisLinked linked(String metricId, String hypothesisId) {
        return new HypothesisLinked(metricId, hypothesisId, "reported errors", "accuracy tracks reported errors",
                Direction.POSITIVE, 0.5, 10);
    }

    private static CorrelationRecorded correlation(String metricId, String id, String hypothesisId, Verdict verdict,
                                                   Instant at) {
        return new CorrelationRecorded(metricId, id, hypothesisId, verdict == Verdict.REFUTED ? 0.1 : 0.8, 50,
                LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), CorrelationMethod.PEARSON, "pipe",
                "1.0", verdict, at, verdict == Verdict.SUPPORTED ? at.plus(Duration.ofDays(90)) : null);
    }

    private static WebhookSubscribed subscribed(String team, String id, Instant at) {
        return new WebhookSubscribed(team, id, "https://hooks.example.com/" + id, "slack",
                Set.of("metric.deprecated"), "sha256:" + id, at);
    }

    /** Events of three streams as a scan reads them: interleaved, each stream numbered from 0. */
    private static List<RebuildEvent> interleaved() {
        List<RebuildEvent> events = new ArrayList<>();
        Map<String, Long> next = new HashMap<>();
        Object[][] script = {
                {"team:search", new TeamMetricAdmitted("search", "m-1", T0), "ada"},
                {"m-1", proposed("m-1", "search", T0), "ada"},
                {"m-1", linked("m-1", "h-1"), "ada"},
                {"team:search", subscribed("search", "w-1", T0.plusSeconds(1)), "lena"},
                {"team:search", new TeamMetricAdmitted("search", "m-2", T0.plusSeconds(2)), null},
                {"m-2", proposed("m-2", "search", T0.plusSeconds(2)), null},
                {"m-1", correlation("m-1", "c-1", "h-1", Verdict.SUPPORTED, T0.plusSeconds(3)), "pipe"},
                {"team:search", subscribed("search", "w-2", T0.plusSeconds(4)), "ada"},
                {"m-2", linked("m-2", "h-2"), "carl"},
                {"m-1", correlation("m-1", "c-2", "h-1", Verdict.REFUTED, T0.plusSeconds(5)), "pipe"},
                {"team:search", new WebhookUnsubscribed("search", "w-1", T0.plusSeconds(6)), "ada"},
                {"team:search", new CoreMetricLimitChanged("search", 8, 12, T0.plusSeconds(7)), "ada"},
                {"m-1", new MetricDeprecated("m-1", "replaced", "m-2", T0.plusSeconds(8)), "lena"},
        };
        for (Object[] line : script) {
            String stream = (String) line[0];
            long sequence = next.merge(stream, 1L, Long::sum) - 1;
            Map<String, Object> metaData = new HashMap<>();
            if (line[2] != null) {
                metaData.put(EventMetadata.ACTOR, line[2]);
                metaData.put(EventMetadata.REASON, "because " + line[2]);
            }
            events.add(new RebuildEvent(stream, sequence, T0.plusSeconds(events.size()), line[1], metaData));
        }
        return events;
    }

    @Test
    void foldsEveryStreamToWhatTheIncrementalProjectionsLeave() throws Exception {
        InMemoryMetricViewStore metrics = new InMemoryMetricViewStore();
        InMemoryTeamViewStore teams = new InMemoryTeamViewStore();
        InMemoryWebhookSubscriptionStore subscriptions = new InMemoryWebhookSubscriptionStore();
        MetricProjection metricProjection = new MetricProjection(metrics);
        TeamProjection teamProjection = new TeamProjection(teams);
        WebhookSubscriptionProjection subscriptionProjection = new WebhookSubscriptionProjection(subscriptions);
        StreamFolds folds = new StreamFolds(JSON, Map.of());
        for (RebuildEvent event : interleaved()) {
            assertThat(folds.apply(event)).isTrue();
            MetaData metaData = MetaData.from(event.metaData());
            if (event.payload() instanceof MetricEvent metricEvent) {
                metricProjection.on(metricEvent, event.sequence(), event.occurredAt(), metaData);
            } else if (event.payload() instanceof TeamEvent teamEvent) {
                teamProjection.on(teamEvent, event.sequence());
                if (teamEvent instanceof WebhookSubscribed subscribed) {
                    subscriptionProjection.on(subscribed, (String) event.metaData().get(EventMetadata.ACTOR));
                } else if (teamEvent instanceof WebhookUnsubscribed unsubscribed) {
                    subscriptionProjection.on(unsubscribed);
                }
            }
        }
        assertThat(folds.readyMetricStreams()).isZero(); // no head given: nothing is known to be complete
        folds.finish();
        List<MetricStreamFold> metricFolds = folds.takeMetrics(10, 1_000);
        assertThat(metricFolds).extracting(MetricStreamFold::metricId).containsExactly("m-1", "m-2");
        for (MetricStreamFold fold : metricFolds) {
            assertThat(fold.view()).isEqualTo(metrics.find(fold.metricId()).orElseThrow().view());
            assertThat(fold.lastSequence()).isEqualTo(metrics.find(fold.metricId()).orElseThrow().lastSequence());
            List<HistoryRow> expected = new ArrayList<>();
            for (HistoryEntry entry : metrics.history(fold.metricId())) {
                expected.add(new HistoryRow(entry.sequence(), entry.type(), entry.occurredAt(), entry.actor(),
                        entry.reason(), JSON.writeValueAsString(entry.changes())));
            }
            assertThat(fold.history()).isEqualTo(expected);
        }
        assertThat(metricFolds.get(0).history()).hasSize(5);
        TeamStreamFold team = folds.takeTeams(10).get(0);
        assertThat(team.view()).isEqualTo(teams.find("search").orElseThrow().view());
        assertThat(team.lastSequence()).isEqualTo(5);
        assertThat(team.subscriptions()).isEqualTo(subscriptions.ofTeam("search")).hasSize(1);
        assertThat(team.subscriptions().get(0).subscribedBy()).isEqualTo("ada");
    }

    @Test
    void aStreamIsReadyOnceItHoldsItsLastEventAsOfTheHeadAndIgnoresTheScanAfterThat() {
        // m-1 ends at 4, m-2 at 1, the team at 5 (as of the head).
        StreamFolds folds = new StreamFolds(JSON, Map.of("m-1", 4L, "m-2", 1L, "team:search", 5L));
        List<RebuildEvent> events = interleaved();
        for (RebuildEvent event : events.subList(0, 9)) { // up to m-2's last event
            folds.apply(event);
        }
        assertThat(folds.readyMetricStreams()).isEqualTo(1);
        assertThat(folds.readyHistoryRows()).isEqualTo(2);
        List<MetricStreamFold> ready = folds.takeMetrics(10, 100);
        assertThat(ready).extracting(MetricStreamFold::metricId).containsExactly("m-2");
        // An event of a stream already handed over (committed after the head was read) is the batch's to fold.
        assertThat(folds.apply(new RebuildEvent("m-2", 2, T0, linked("m-2", "h-3"), Map.of()))).isFalse();
        assertThat(folds.ignored()).isEqualTo(1);
        for (RebuildEvent event : events.subList(9, events.size())) {
            folds.apply(event);
        }
        assertThat(folds.readyMetricStreams()).isEqualTo(1);
        assertThat(folds.readyTeamStreams()).isEqualTo(1);
        assertThat(folds.streams()).isEqualTo(3);
    }

    @Test
    void anEventAfterAGapBreaksTheStreamWhichIsHandedOverToBeFoldedAgainFromTheStore() {
        StreamFolds folds = new StreamFolds(JSON, Map.of("m-1", 4L));
        List<RebuildEvent> m1 = interleaved().stream().filter(e -> e.aggregateId().equals("m-1")).toList();
        folds.apply(m1.get(0));
        folds.apply(m1.get(1));
        // sequence 2 was not committed when the scan passed it
        assertThat(folds.apply(m1.get(3))).isFalse();
        MetricStreamFold fold = folds.takeMetrics(10, 100).get(0);
        assertThat(fold.broken()).isTrue();
        fold.restart();
        for (RebuildEvent event : m1) {
            assertThat(fold.apply(event)).isTrue();
        }
        assertThat(fold.lastSequence()).isEqualTo(4);
        assertThat(fold.history()).extracting(HistoryRow::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void aRepeatedEventChangesNothing() {
        StreamFolds folds = new StreamFolds(JSON, Map.of());
        RebuildEvent first = interleaved().get(1);
        assertThat(folds.apply(first)).isTrue();
        assertThat(folds.apply(first)).isFalse();
        folds.finish();
        assertThat(folds.takeMetrics(1, 1).get(0).history()).hasSize(1);
    }

    @Test
    void batchesTakeAtMostTheStreamsAndAboutTheHistoryRowsAsked() {
        StreamFolds folds = new StreamFolds(JSON, Map.of());
        for (int m = 0; m < 5; m++) {
            String id = "m-" + m;
            folds.apply(new RebuildEvent(id, 0, T0, proposed(id, "search", T0), Map.of()));
            folds.apply(new RebuildEvent(id, 1, T0, linked(id, "h"), Map.of()));
        }
        folds.finish();
        assertThat(folds.readyHistoryRows()).isEqualTo(10);
        assertThat(folds.takeMetrics(2, 100)).hasSize(2);
        assertThat(folds.takeMetrics(10, 3)).hasSize(1); // a second stream would pass 3 rows
        assertThat(folds.takeMetrics(10, 1)).hasSize(1); // but a batch always takes one
        assertThat(folds.readyHistoryRows()).isEqualTo(2);
        assertThat(folds.takeMetrics(10, 100)).hasSize(1);
        assertThat(folds.takeMetrics(10, 100)).isEmpty();
    }

    @Test
    void eventsOfNoMetricOrTeamAreIgnored() {
        StreamFolds folds = new StreamFolds(JSON, Map.of());
        assertThat(folds.apply(new RebuildEvent("other", 0, T0, "something else", Map.of()))).isFalse();
        assertThat(folds.ignored()).isEqualTo(1);
        assertThat(folds.streams()).isZero();
    }
}
