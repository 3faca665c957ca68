package org.metriclifecycle.query.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.team.TeamFixtures.INTERVAL;
import static org.metriclifecycle.query.team.TeamFixtures.T0;
import static org.metriclifecycle.query.team.TeamFixtures.blindSpot;
import static org.metriclifecycle.query.team.TeamFixtures.correlation;
import static org.metriclifecycle.query.team.TeamFixtures.deprioritized;
import static org.metriclifecycle.query.team.TeamFixtures.fold;
import static org.metriclifecycle.query.team.TeamFixtures.linked;
import static org.metriclifecycle.query.team.TeamFixtures.majorRevision;
import static org.metriclifecycle.query.team.TeamFixtures.proposed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.query.metric.MetricView;

class ReviewRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String M = "m-1";

    private final ReviewRules rules = new ReviewRules(INTERVAL);

    /** A metric whose only support was recorded at {@code supportedAt}, due for revalidation at {@code due}. */
    private static MetricView supported(Instant supportedAt, Instant due) {
        return fold(proposed(M, "search", "ada", T0), linked(M, "h1"),
                new CorrelationRecorded(M, "c1", "h1", 0.8, 600, LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-01-31"), CorrelationMethod.PEARSON, "eval-pipeline", "1.0",
                        Verdict.SUPPORTED, supportedAt, due));
    }

    @Test
    void supportWellWithinTheIntervalAndADistantDueDateIsKept() {
        ReviewEntry entry = rules.review(supported(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(80))),
                NOW);

        assertThat(entry.verdict()).isEqualTo(ReviewVerdict.KEEP);
        assertThat(entry.why()).isEqualTo(
                "Supported on 2026-05-22; revalidation is due on 2026-08-20, more than 14 days away.");
    }

    @Test
    void aDueDateExactlyFourteenDaysAwayAsksForRevalidationAndOneMillisecondLaterDoesNot() {
        Instant supportedAt = NOW.minus(Duration.ofDays(76));

        ReviewEntry onTheBound = rules.review(supported(supportedAt, NOW.plus(Duration.ofDays(14))), NOW);
        ReviewEntry justBeyond = rules.review(supported(supportedAt, NOW.plus(Duration.ofDays(14)).plusMillis(1)),
                NOW);

        assertThat(onTheBound.verdict()).isEqualTo(ReviewVerdict.REVALIDATE);
        assertThat(onTheBound.why()).isEqualTo(
                "Revalidation is due on 2026-06-15, within 14 days of this review (2026-06-01).");
        assertThat(justBeyond.verdict()).isEqualTo(ReviewVerdict.KEEP);
    }

    @Test
    void anOverdueRevalidationStillAsksForRevalidationWhileTheSupportIsRecent() {
        ReviewEntry entry = rules.review(supported(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))),
                NOW);

        assertThat(entry.verdict()).isEqualTo(ReviewVerdict.REVALIDATE);
    }

    @Test
    void supportExactlyOneIntervalAgoStillCountsAndOneMillisecondEarlierDoesNot() {
        Instant cutoff = NOW.minus(INTERVAL);

        ReviewEntry onTheBound = rules.review(supported(cutoff, cutoff.plus(INTERVAL)), NOW);
        ReviewEntry justBefore = rules.review(supported(cutoff.minusMillis(1), cutoff.plus(INTERVAL)), NOW);

        assertThat(onTheBound.verdict()).isEqualTo(ReviewVerdict.REVALIDATE);
        assertThat(justBefore.verdict()).isEqualTo(ReviewVerdict.REMOVE_CANDIDATE);
        assertThat(justBefore.why()).isEqualTo("No supporting correlation within the last revalidation interval"
                + " (90 days, since 2026-03-03): the latest was recorded on 2026-03-03.");
    }

    @Test
    void aMetricThatWasNeverSupportedIsARemoveCandidate() {
        ReviewEntry bare = rules.review(fold(proposed(M, "search", "ada", T0)), NOW);
        ReviewEntry linked = rules.review(fold(proposed(M, "search", "ada", T0), linked(M, "h1"),
                correlation(M, "c1", "h1", 0.1, Verdict.REFUTED, NOW)), NOW);

        assertThat(bare.verdict()).isEqualTo(ReviewVerdict.REMOVE_CANDIDATE);
        assertThat(bare.why()).isEqualTo("No supporting correlation within the last revalidation interval"
                + " (90 days, since 2026-03-03): none recorded and no hypothesis linked.");
        // Every hypothesis refuted: the metric is REFUTED, a REMOVE_CANDIDATE for that reason.
        assertThat(linked.verdict()).isEqualTo(ReviewVerdict.REMOVE_CANDIDATE);
        assertThat(linked.why()).isEqualTo("Every hypothesis is refuted by its evidence: h1.");
        ReviewEntry open = rules.review(fold(proposed(M, "search", "ada", T0), linked(M, "h1")), NOW);
        assertThat(open.verdict()).isEqualTo(ReviewVerdict.REMOVE_CANDIDATE);
        assertThat(open.why()).endsWith("none recorded yet.");
    }

    @Test
    void aMajorRevisionWipesTheOldSupportAndTheWhySaysSo() {
        // Long enough ago that the new link window the revision opened (42 days) has closed: inside it, PENDING.
        MetricView revised = fold(proposed(M, "search", "ada", T0), linked(M, "h1"),
                correlation(M, "c1", "h1", 0.8, Verdict.SUPPORTED, NOW.minus(Duration.ofDays(55))),
                majorRevision(M, "2.0", NOW.minus(Duration.ofDays(50))));

        ReviewEntry entry = rules.review(revised, NOW);

        assertThat(entry.verdict()).isEqualTo(ReviewVerdict.REMOVE_CANDIDATE);
        assertThat(entry.why()).endsWith("none recorded since the major revision to version 2.0 on 2026-04-12.");
        assertThat(entry.version()).isEqualTo("2.0");
        assertThat(entry.evidenceVersion()).isNull();
        assertThat(entry.hypotheses()).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo(HypothesisStatus.OPEN);
            assertThat(h.latestEvidence().correlationId()).isEqualTo("c1");
        });
    }

    @Test
    void aFreshMajorRevisionOpensANewLinkWindowSoTheMetricIsPending() {
        MetricView revised = fold(proposed(M, "search", "ada", T0), linked(M, "h1"),
                correlation(M, "c1", "h1", 0.8, Verdict.SUPPORTED, NOW.minus(Duration.ofDays(5))),
                majorRevision(M, "2.0", NOW.minus(Duration.ofDays(2))));

        ReviewEntry entry = rules.review(revised, NOW);

        assertThat(entry.verdict()).isEqualTo(ReviewVerdict.PENDING);
        assertThat(entry.why()).startsWith("Inside its link window: 40 days left");
    }

    @Test
    void deprioritizationMakesARemoveCandidateWhateverTheEvidence() {
        MetricView view = fold(proposed(M, "search", "ada", T0), linked(M, "h1"),
                correlation(M, "c1", "h1", 0.8, Verdict.SUPPORTED, NOW.minus(Duration.ofDays(5))),
                deprioritized(M, NOW.minus(Duration.ofDays(1))));

        ReviewEntry entry = rules.review(view, NOW);

        assertThat(entry.verdict()).isEqualTo(ReviewVerdict.REMOVE_CANDIDATE);
        assertThat(entry.why()).isEqualTo(
                "Deprioritized on 2026-05-31 and no correlation has supported a hypothesis since.");
    }

    @Test
    void theEntryCarriesTheMetricsCriteriaEvidenceAndBlindSpots() {
        MetricView view = fold(proposed(M, "hallucination rate", "search", "ada", T0), linked(M, "h1"),
                correlation(M, "c1", "h1", 0.8, Verdict.SUPPORTED, NOW.minus(Duration.ofDays(5))),
                blindSpot(M, "b1", "rude tone", NOW.minus(Duration.ofDays(3))));

        ReviewEntry entry = rules.review(view, NOW);

        assertThat(entry.metricId()).isEqualTo(M);
        assertThat(entry.name()).isEqualTo("hallucination rate");
        assertThat(entry.owner()).isEqualTo("ada");
        assertThat(entry.status()).isEqualTo(view.status());
        assertThat(entry.version()).isEqualTo("1.0");
        assertThat(entry.evidenceVersion()).isEqualTo("1.0");
        assertThat(entry.revalidationDue()).isEqualTo(view.revalidationDue());
        assertThat(entry.blindSpots()).isEqualTo(view.blindSpots());
        assertThat(entry.hypotheses()).containsExactly(ReviewHypothesis.of(view.hypotheses().get(0)));
        assertThat(entry.hypotheses().get(0).minCorrelation()).isEqualTo(0.7);
        assertThat(entry.hypotheses().get(0).minSampleSize()).isEqualTo(500);
    }
}
