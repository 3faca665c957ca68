package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.deprecated;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.proposed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.MetricStatus;

class InMemoryMetricViewStoreTest {

    private final InMemoryMetricViewStore store = new InMemoryMetricViewStore();

    private MetricView save(String metricId, String team, String owner, Instant proposedAt) {
        MetricView view = MetricViewFold.apply(null, proposed(metricId, team, owner, proposedAt));
        store.save(view, 0);
        return view;
    }

    private static HistoryEntry entry(long sequence, String type) {
        return new HistoryEntry(sequence, type, day((int) sequence), "carl", null,
                Map.of("status", new FieldChange(null, "PROPOSED")));
    }

    @Test
    void savingReplacesTheViewAndRemembersTheSequence() {
        MetricView view = save("m-1", "search", "ada", T0);
        MetricView linked = MetricViewFold.apply(view, linked("m-1", "h1"));

        store.save(linked, 1);

        assertThat(store.find("m-1")).hasValue(new StoredMetricView(linked, 1));
        assertThat(store.lastAppliedSequence("m-1")).hasValue(1);
        assertThat(store.find("unknown")).isEmpty();
        assertThat(store.lastAppliedSequence("unknown")).isEmpty();
    }

    @Test
    void filtersByTeamStatusAndOwnerAndCountsEveryMatch() {
        save("m-1", "search", "ada", day(1));
        save("m-2", "search", "carl", day(2));
        save("m-3", "ads", "ada", day(3));
        MetricView gone = MetricViewFold.apply(save("m-4", "search", "ada", day(4)),
                deprecated("m-4", "obsolete", null, day(5)));
        store.save(gone, 1);

        assertThat(store.list(new MetricFilter("search", null, null), 0, 50).items())
                .extracting(MetricView::metricId).containsExactly("m-1", "m-2", "m-4");
        assertThat(store.list(new MetricFilter(null, null, "ada"), 0, 50).items())
                .extracting(MetricView::metricId).containsExactly("m-1", "m-3", "m-4");
        assertThat(store.list(new MetricFilter(null, MetricStatus.DEPRECATED, null), 0, 50).items())
                .extracting(MetricView::metricId).containsExactly("m-4");
        MetricPage combined = store.list(new MetricFilter("search", MetricStatus.PROPOSED, "ada"), 0, 50);
        assertThat(combined.items()).extracting(MetricView::metricId).containsExactly("m-1");
        assertThat(combined.total()).isEqualTo(1);
        assertThat(store.list(new MetricFilter("nobody", null, null), 0, 50)).isEqualTo(new MetricPage(
                List.of(), 0));
    }

    @Test
    void pagesInProposalOrderWithIdsBreakingTies() {
        save("m-c", "search", "ada", day(2));
        save("m-b", "search", "ada", day(1));
        save("m-a", "search", "ada", day(2));
        save("m-d", "search", "ada", T0);
        save("m-e", "search", "ada", day(3));

        MetricPage first = store.list(MetricFilter.any(), 0, 2);
        MetricPage second = store.list(MetricFilter.any(), 1, 2);
        MetricPage third = store.list(MetricFilter.any(), 2, 2);

        assertThat(first.items()).extracting(MetricView::metricId).containsExactly("m-d", "m-b");
        assertThat(second.items()).extracting(MetricView::metricId).containsExactly("m-a", "m-c");
        assertThat(third.items()).extracting(MetricView::metricId).containsExactly("m-e");
        assertThat(List.of(first.total(), second.total(), third.total())).containsOnly(5L);
    }

    @Test
    void aPageBeyondTheLastIsEmptyButStillCountsTheMatches() {
        save("m-1", "search", "ada", T0);
        save("m-2", "search", "ada", day(1));

        assertThat(store.list(null, 1, 2)).isEqualTo(new MetricPage(List.of(), 2));
        assertThat(store.list(null, Integer.MAX_VALUE, 200).items()).isEmpty();
    }

    @Test
    void refusesANegativePageOrAnEmptySize() {
        assertThatThrownBy(() -> store.list(null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historyIsOldestFirstAndAppendingTwiceKeepsTheFirst() {
        store.appendHistory("m-1", entry(1, "HypothesisLinked"));
        store.appendHistory("m-1", entry(0, "MetricProposed"));
        store.appendHistory("m-1", entry(1, "SomethingElse"));

        assertThat(store.history("m-1")).extracting(HistoryEntry::type)
                .containsExactly("MetricProposed", "HypothesisLinked");
        assertThat(store.history("unknown")).isEmpty();
    }

    @Test
    void activeMetricsOfATeamAreTheNonDeprecatedOnesInProposalOrder() {
        save("m-c", "search", "ada", day(2));
        save("m-b", "search", "carl", day(1));
        save("m-a", "search", "lena", day(2));
        save("m-x", "ads", "ada", T0);
        MetricView gone = MetricViewFold.apply(save("m-d", "search", "ada", T0),
                deprecated("m-d", "obsolete", null, day(5)));
        store.save(gone, 1);

        assertThat(store.activeOfTeam("search")).extracting(MetricView::metricId)
                .containsExactly("m-b", "m-a", "m-c");
        assertThat(store.activeOfTeam("nobody")).isEmpty();
    }
}
