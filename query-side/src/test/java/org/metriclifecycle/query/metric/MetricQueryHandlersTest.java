package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.correlation;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.deprecated;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.proposed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.RotationOverrideAdded;
import org.metriclifecycle.events.RotationScheduled;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.query.team.InMemoryTeamViewStore;
import org.metriclifecycle.query.team.TeamViewFold;

class MetricQueryHandlersTest {

    private static final String M = "m-1";

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final InMemoryMetricViewStore store = new InMemoryMetricViewStore();
    private final MetricProjection projection = new MetricProjection(store);
    private final InMemoryTeamViewStore teams = new InMemoryTeamViewStore();
    /** One hour after the rotation below starts: its next handoff is number 1, on day(7). */
    private final Clock clock = Clock.fixed(day(0).plusSeconds(3600), ZoneOffset.UTC);
    private final MetricQueryHandlers handlers = new MetricQueryHandlers(store, eventStore, teams, clock);
    private final List<DomainEventMessage<?>> published = new ArrayList<>();

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    /** Stores the event at the given time, as the write side would, and lets the projection see it. */
    private void append(Object payload, Instant at) {
        String metricId = payload instanceof MetricEvent event ? event.metricId() : M;
        long sequence = published.stream().filter(m -> m.getAggregateIdentifier().equals(metricId)).count();
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Metric", metricId, sequence, payload,
                MetaData.with(EventMetadata.ACTOR, "carl"), UUID.randomUUID().toString(), at);
        eventStore.publish(message);
        published.add(message);
        if (payload instanceof MetricEvent event) {
            projection.on(event, sequence, at, message.getMetaData());
        }
    }

    private void lifecycle() {
        append(proposed(M, T0), T0);
        append(linked(M, "h1"), day(1));
        append(correlation(M, "c1", "h1", Verdict.SUPPORTED, day(2)), day(2));
        append(deprecated(M, "replaced", "m-2", day(3)), day(3));
    }

    @Test
    void findAnswersTheStoredViewOrNull() {
        lifecycle();

        assertThat(handlers.find(new FindMetric(M))).isEqualTo(store.find(M).orElseThrow().view());
        assertThat(handlers.find(new FindMetric("unknown"))).isNull();
    }

    @Test
    void asOfRebuildsTheViewAsItStoodAtThatInstant() {
        lifecycle();

        assertThat(handlers.findAsOf(new FindMetricAsOf(M, T0)).status()).isEqualTo(MetricStatus.PROPOSED);
        assertThat(handlers.findAsOf(new FindMetricAsOf(M, day(1).minusMillis(1))).status())
                .isEqualTo(MetricStatus.PROPOSED);
        assertThat(handlers.findAsOf(new FindMetricAsOf(M, day(1))).status()).isEqualTo(MetricStatus.LINKED);
        MetricView validated = handlers.findAsOf(new FindMetricAsOf(M, day(2).plusSeconds(3600)));
        assertThat(validated.status()).isEqualTo(MetricStatus.VALIDATED);
        assertThat(validated.deprecatedAt()).isNull();
        assertThat(handlers.findAsOf(new FindMetricAsOf(M, day(365))).status()).isEqualTo(MetricStatus.DEPRECATED);
    }

    @Test
    void asOfNowEqualsTheProjectedView() {
        lifecycle();

        assertThat(handlers.findAsOf(new FindMetricAsOf(M, day(365))))
                .isEqualTo(handlers.find(new FindMetric(M)));
    }

    @Test
    void asOfBeforeTheMetricExistedIsNull() {
        lifecycle();

        assertThat(handlers.findAsOf(new FindMetricAsOf(M, T0.minusMillis(1)))).isNull();
        assertThat(handlers.findAsOf(new FindMetricAsOf("unknown", day(365)))).isNull();
    }

    @Test
    void asOfIgnoresPayloadsThatAreNoMetricEvents() {
        append(proposed(M, T0), T0);
        append("a governance note this side does not know", day(1));
        append(linked(M, "h1"), day(2));

        assertThat(handlers.findAsOf(new FindMetricAsOf(M, day(3))).status()).isEqualTo(MetricStatus.LINKED);
    }

    @Test
    void asOfReadsTheWholeStreamEvenWhenASnapshotExists() {
        lifecycle();
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Metric", M, 2, "aggregate state",
                MetaData.emptyInstance(), UUID.randomUUID().toString(), day(2)));

        assertThat(handlers.findAsOf(new FindMetricAsOf(M, day(1))).status()).isEqualTo(MetricStatus.LINKED);
        assertThat(handlers.findAsOf(new FindMetricAsOf(M, day(365)))).isEqualTo(handlers.find(new FindMetric(M)));
    }

    @Test
    void listAnswersAPageOfTheStoreAndTreatsNoFilterAsAny() {
        append(proposed("m-a", "search", "ada", T0), T0);
        append(proposed("m-b", "ads", "ada", day(1)), day(1));
        append(proposed("m-c", "search", "carl", day(2)), day(2));

        MetricPage all = handlers.list(new ListMetrics(null, 0, 2));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(MetricView::metricId).containsExactly("m-a", "m-b");

        MetricPage search = handlers.list(new ListMetrics(new MetricFilter("search", null, null), 0, 50));
        assertThat(search.items()).extracting(MetricView::metricId).containsExactly("m-a", "m-c");
        assertThat(search.total()).isEqualTo(2);
    }

    @Test
    void historyListsEveryEventOrIsNullForAnUnknownMetric() {
        lifecycle();

        MetricHistory history = handlers.history(new FindMetricHistory(M));
        assertThat(history.metricId()).isEqualTo(M);
        assertThat(history.entries()).extracting(HistoryEntry::type).containsExactly("MetricProposed",
                "HypothesisLinked", "CorrelationRecorded", "MetricDeprecated");
        assertThat(history.entries()).extracting(HistoryEntry::occurredAt).containsExactly(T0, day(1), day(2),
                day(3));
        assertThat(handlers.history(new FindMetricHistory("unknown"))).isNull();
    }

    @Test
    void answersEachQueryThroughAQueryBus() throws Exception {
        lifecycle();
        QueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(handlers).subscribe(queryBus);

        MetricView current = queryBus.query(new GenericQueryMessage<>(new FindMetric(M),
                ResponseTypes.instanceOf(MetricView.class))).get().getPayload();
        MetricView past = queryBus.query(new GenericQueryMessage<>(new FindMetricAsOf(M, day(1)),
                ResponseTypes.instanceOf(MetricView.class))).get().getPayload();
        MetricPage page = queryBus.query(new GenericQueryMessage<>(new ListMetrics(MetricFilter.any(), 0, 10),
                ResponseTypes.instanceOf(MetricPage.class))).get().getPayload();
        MetricHistory history = queryBus.query(new GenericQueryMessage<>(new FindMetricHistory(M),
                ResponseTypes.instanceOf(MetricHistory.class))).get().getPayload();
        MetricView unknown = queryBus.query(new GenericQueryMessage<>(new FindMetric("unknown"),
                ResponseTypes.instanceOf(MetricView.class))).get().getPayload();

        assertThat(current.status()).isEqualTo(MetricStatus.DEPRECATED);
        assertThat(past.status()).isEqualTo(MetricStatus.LINKED);
        assertThat(page.total()).isEqualTo(1);
        assertThat(history.entries()).hasSize(4);
        assertThat(unknown).isNull();
    }

    private void rotate(TeamEvent... events) {
        long sequence = teams.lastAppliedSequence("search").orElse(-1);
        for (TeamEvent event : events) {
            teams.save(TeamViewFold.apply(teams.find("search").map(t -> t.view()).orElse(null), event),
                    ++sequence);
        }
    }

    private static RotationScheduled weekly(String... members) {
        return new RotationScheduled("search", "s-1", List.of(members), RotationPeriod.of(Duration.ofDays(7)), T0, T0);
    }

    @Test
    void findNamesTheNextOwnerOfAnActiveMetricWhenItsTeamRotates() {
        append(proposed("m-a", "search", "ada", T0), T0);
        append(proposed("m-b", "search", "ada", day(1)), day(1));
        append(proposed("m-c", "ads", "ada", day(1)), day(1));
        assertThat(handlers.find(new FindMetric("m-a")).nextOwner()).isNull();

        rotate(weekly("ada", "lena", "carl"));

        // Handoff 1: the i-th active metric goes to members[(1 + i) mod 3].
        MetricView first = handlers.find(new FindMetric("m-a"));
        assertThat(first.nextOwner()).isEqualTo("lena");
        assertThat(first.nextHandoffAt()).isEqualTo(day(7));
        assertThat(handlers.find(new FindMetric("m-b")).nextOwner()).isEqualTo("carl");
        assertThat(handlers.find(new FindMetric("m-c")).nextOwner()).isNull();
        assertThat(store.find("m-a").orElseThrow().view().nextOwner()).isNull();
        assertThat(handlers.findAsOf(new FindMetricAsOf("m-a", day(365))).nextOwner()).isNull();

        rotate(new RotationOverrideAdded("search", "o-1", "lena", "vera", day(6), day(8)));
        assertThat(handlers.find(new FindMetric("m-a")).nextOwner()).isEqualTo("vera");
    }

    @Test
    void aDeprecatedMetricHasNoNextOwnerAndNoLongerCountsForTheOthers() {
        append(proposed("m-a", "search", "ada", T0), T0);
        append(proposed("m-b", "search", "ada", day(1)), day(1));
        rotate(weekly("ada", "lena", "carl"));
        append(deprecated("m-a", "gone", null, day(2)), day(2));

        assertThat(handlers.find(new FindMetric("m-a")).nextOwner()).isNull();
        assertThat(handlers.find(new FindMetric("m-a")).nextHandoffAt()).isNull();
        assertThat(handlers.find(new FindMetric("m-b")).nextOwner()).isEqualTo("lena");
    }
}
