package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.proposed;
import static org.metriclifecycle.query.metric.TestEvents.revised;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.CorrelationSuperseded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.evidence.DecisionRule;

/** The view and the correlation listing of INTERVAL hypotheses: what the write side carried is what they show. */
class EvidenceViewTest {

    private static final String M = "m-1";

    static HypothesisLinked interval(String id) {
        return new HypothesisLinked(M, id, "errors", "tracks errors", Direction.POSITIVE, 0.7, 100,
                DecisionRule.INTERVAL, 0.95);
    }

    /** As recorded under revision 2: the ids of the counted correlations listed. */
    static CorrelationRecorded carried(String id, Verdict verdict, HypothesisStatus status, Instant due,
                                       PooledEvidence pooled, String supersedes, List<String> counted, Instant at) {
        return new CorrelationRecorded(M, id, "h1", 0.8, 1200, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31),
                CorrelationMethod.PEARSON, "nightly", "1.0", verdict, at, due, new CorrelationInterval(0.78, 0.82),
                supersedes, status, pooled, counted, null);
    }

    /** As recorded now: the counting window named, from {@code since}; n = 3 has no interval. */
    static CorrelationRecorded windowed(String id, int sampleSize, LocalDate periodEnd, String version,
                                        String supersedes, Instant since, Instant at) {
        CorrelationInterval interval = sampleSize > 3 ? new CorrelationInterval(0.78, 0.82) : null;
        return new CorrelationRecorded(M, id, "h1", 0.8, sampleSize, periodEnd.minusDays(30), periodEnd,
                CorrelationMethod.PEARSON, "nightly", version, Verdict.SUPPORTED, at, null, interval, supersedes,
                HypothesisStatus.SUPPORTED, POOL, null, since);
    }

    static Instant windowFrom(LocalDate latestPeriodEnd) {
        return latestPeriodEnd.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minus(java.time.Duration.ofDays(90));
    }

    static final PooledEvidence POOL = new PooledEvidence(0.8, 0.78, 0.82, 1200, 1, 0, 0, 1.0986, 0.0289);
    static final PooledEvidence REFUTING_POOL = new PooledEvidence(0.6, 0.58, 0.62, 2400, 2, 30, 0.97, 0.69, 0.02);

    private static MetricView fold(MetricEvent... events) {
        MetricView view = null;
        for (MetricEvent e : events) {
            view = MetricViewFold.apply(view, e);
        }
        return view;
    }

    @Test
    void aNewHypothesisShowsItsRuleConfidenceAndSamplesNeeded() {
        HypothesisView h = fold(proposed(M, T0), interval("h1")).hypothesis("h1").orElseThrow();
        assertThat(h.decisionRule()).isEqualTo(DecisionRule.INTERVAL);
        assertThat(h.confidence()).isEqualTo(0.95);
        // ceil((1.959964 / (atanh(0.8) - atanh(0.7)))^2) + 3 = ceil(71.796...) + 3 = 75 (checked in Python)
        assertThat(h.samplesNeeded()).isEqualTo(75);
        assertThat(h.pooled()).isNull();
    }

    @Test
    void theCarriedStatusPoolAndDueDateAreShown() {
        MetricView view = fold(proposed(M, T0), interval("h1"),
                carried("c1", Verdict.SUPPORTED, HypothesisStatus.SUPPORTED, day(90), POOL, null, List.of("c1"),
                        day(1)));
        HypothesisView h = view.hypothesis("h1").orElseThrow();
        assertThat(view.status()).isEqualTo(MetricStatus.VALIDATED);
        assertThat(view.revalidationDue()).isEqualTo(day(90));
        assertThat(h.pooled()).isEqualTo(POOL);
        assertThat(h.latestCorrelation().counted()).isTrue();
        assertThat(h.latestCorrelation().interval()).isEqualTo(new CorrelationInterval(0.78, 0.82));
    }

    @Test
    void aSupportingCorrelationDoesNotValidateWhenThePoolRefutes() {
        MetricView view = fold(proposed(M, T0), interval("h1"),
                carried("c1", Verdict.SUPPORTED, HypothesisStatus.REFUTED, null, REFUTING_POOL, null,
                        List.of("c0", "c1"), day(1)));
        assertThat(view.hypothesis("h1").orElseThrow().status()).isEqualTo(HypothesisStatus.REFUTED);
        assertThat(view.status()).isEqualTo(MetricStatus.REFUTED);
        assertThat(view.revalidationDue()).isNull();
    }

    @Test
    void theListingIsNewestFirstWithCountedAndSupersededBy() {
        CorrelationListing listing = new CorrelationListing();
        List.of(proposed(M, T0), interval("h1"), interval("h2"),
                carried("c1", Verdict.REFUTED, HypothesisStatus.REFUTED, null, REFUTING_POOL, null, List.of("c1"),
                        day(1)),
                new CorrelationSuperseded(M, "c1", "h1", "c2", day(2)),
                carried("c2", Verdict.SUPPORTED, HypothesisStatus.SUPPORTED, day(90), POOL, "c1", List.of("c2"),
                        day(2)))
                .forEach(listing::apply);
        List<CorrelationListItem> items = listing.items(null);
        assertThat(items).extracting(CorrelationListItem::correlationId).containsExactly("c2", "c1");
        assertThat(items.get(0).counted()).isTrue();
        assertThat(items.get(0).supersedes()).isEqualTo("c1");
        assertThat(items.get(1).counted()).isFalse();
        assertThat(items.get(1).supersededBy()).isEqualTo("c2");
        assertThat(listing.items("h2")).isEmpty();
        assertThat(listing.hasHypothesis("h2")).isTrue();
        assertThat(listing.hasHypothesis("h3")).isFalse();
    }

    @Test
    void aMajorRevisionStopsEverythingBeforeItFromCounting() {
        CorrelationListing listing = new CorrelationListing();
        List.of(proposed(M, T0), interval("h1"),
                carried("c1", Verdict.SUPPORTED, HypothesisStatus.SUPPORTED, day(90), POOL, null, List.of("c1"),
                        day(1)),
                revised(M, "1.0", "2.0", day(2))).forEach(listing::apply);
        assertThat(listing.items(null)).extracting(CorrelationListItem::counted).containsExactly(false);
        MetricView view = fold(proposed(M, T0), interval("h1"),
                carried("c1", Verdict.SUPPORTED, HypothesisStatus.SUPPORTED, day(90), POOL, null, List.of("c1"),
                        day(1)),
                revised(M, "1.0", "2.0", day(2)));
        assertThat(view.hypothesis("h1").orElseThrow().pooled()).isNull();
        assertThat(view.hypothesis("h1").orElseThrow().latestCorrelation().counted()).isFalse();
    }

    @Test
    void theNamedWindowDecidesWhichCountNowAsTheCountingRuleWouldPick() {
        LocalDate august = LocalDate.of(2025, 8, 31);
        LocalDate october = LocalDate.of(2025, 10, 31);
        LocalDate january = LocalDate.of(2026, 1, 5);
        CorrelationListing listing = new CorrelationListing();
        List.of(proposed(M, T0), interval("h1"),
                windowed("c1", 1200, august, "1.0", null, windowFrom(august), day(1)),
                windowed("c2", 500, october, "1.0", null, windowFrom(october), day(2)),
                windowed("c3", 3, january, "1.0", null, windowFrom(october), day(3)),
                windowed("c4", 500, january, "1.0", null, windowFrom(january), day(4)))
                .forEach(listing::apply);
        // c1 aged out (more than 90 days before c4's end), c3 has no interval; c2 and c4 count.
        assertThat(listing.items(null)).extracting(CorrelationListItem::counted)
                .containsExactly(true, false, true, false);

        // c5 corrects c4 with too small a sample: the window moves back to October's, which takes c1 in again.
        listing.apply(new CorrelationSuperseded(M, "c4", "h1", "c5", day(5)));
        listing.apply(windowed("c5", 3, january, "1.0", "c4", windowFrom(october), day(5)));
        assertThat(listing.items(null)).extracting(CorrelationListItem::counted)
                .containsExactly(false, false, false, true, true);

        MetricView view = fold(proposed(M, T0), interval("h1"),
                windowed("c2", 500, october, "1.0", null, windowFrom(october), day(2)));
        assertThat(view.hypothesis("h1").orElseThrow().latestCorrelation().counted()).isTrue();
        MetricView outside = fold(proposed(M, T0), interval("h1"),
                windowed("c1", 1200, august, "1.0", null, windowFrom(january), day(2)));
        assertThat(outside.hypothesis("h1").orElseThrow().latestCorrelation().counted()).isFalse();
    }

    @Test
    void aNamedWindowCountsOnlyTheCurrentMajorsCorrelations() {
        LocalDate january = LocalDate.of(2026, 1, 5);
        CorrelationListing listing = new CorrelationListing();
        List.of(proposed(M, T0), interval("h1"),
                windowed("c1", 1200, january, "1.0", null, windowFrom(january), day(1)),
                revised(M, "1.0", "2.0", day(2)),
                windowed("c2", 500, january, "2.0", null, windowFrom(january), day(3)))
                .forEach(listing::apply);
        assertThat(listing.items(null)).extracting(CorrelationListItem::counted).containsExactly(true, false);
    }

    @Test
    void aFirstRuleCorrelationCountsWhileItIsTheLatestConclusiveOne() {
        CorrelationListing listing = new CorrelationListing();
        List.of(proposed(M, T0), TestEvents.linked(M, "h1"),
                TestEvents.correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)),
                TestEvents.correlation(M, "c2", "h1", Verdict.INCONCLUSIVE, day(2)),
                TestEvents.correlation(M, "c3", "h1", Verdict.REFUTED, day(3))).forEach(listing::apply);
        assertThat(listing.items(null)).extracting(CorrelationListItem::counted).containsExactly(true, false, false);
    }

    @Test
    void shadowChecksMakeTheTrackRecordAndTheListing() {
        java.util.List<MetricEvent> events = List.of(proposed(M, T0), interval("h1"),
                new org.metriclifecycle.events.ShadowCheckOpened(M, "s1", "prompt v2", 0.04, "h1", day(1), day(4)),
                new org.metriclifecycle.events.ShadowCheckOpened(M, "s2", "prompt v3", 0.02, "h1", day(2), day(5)),
                new org.metriclifecycle.events.ShadowCheckOpened(M, "s3", "prompt v4", 0.03, "h1", day(3), day(6)),
                new org.metriclifecycle.events.ShadowCheckOpened(M, "s4", "prompt v5", 0.01, "h1", day(3), day(6)),
                new org.metriclifecycle.events.ShadowCheckConcluded(M, "s1", 0.01, 500, null,
                        org.metriclifecycle.events.ShadowCheckResult.CONFIRMED, day(3)),
                new org.metriclifecycle.events.ShadowCheckConcluded(M, "s2", -0.01, null, "no move",
                        org.metriclifecycle.events.ShadowCheckResult.DIVERGED, day(4)),
                new org.metriclifecycle.events.ShadowCheckExpired(M, "s3", day(6)));
        MetricView view = fold(events.toArray(MetricEvent[]::new));
        assertThat(view.trackRecord()).isEqualTo(new TrackRecord(1, 1, 1, 1, 0.5, day(3)));
        ShadowCheckListing listing = new ShadowCheckListing();
        events.forEach(listing::apply);
        assertThat(listing.items()).extracting(ShadowCheckView::state)
                .containsExactly("CONFIRMED", "DIVERGED", "EXPIRED", "OPEN");
        assertThat(listing.items().get(1).outcomeDelta()).isEqualTo(-0.01);
        assertThat(listing.items().get(3).result()).isNull();
        assertThat(fold(proposed(M, T0)).trackRecord()).isEqualTo(new TrackRecord(0, 0, 0, 0, null, null));
    }
}
