package org.metriclifecycle.query.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.metriclifecycle.query.team.TeamFixtures.INTERVAL;
import static org.metriclifecycle.query.team.TeamFixtures.T0;
import static org.metriclifecycle.query.team.TeamFixtures.WEEK;
import static org.metriclifecycle.query.team.TeamFixtures.away;
import static org.metriclifecycle.query.team.TeamFixtures.blindSpot;
import static org.metriclifecycle.query.team.TeamFixtures.correlation;
import static org.metriclifecycle.query.team.TeamFixtures.day;
import static org.metriclifecycle.query.team.TeamFixtures.deprecated;
import static org.metriclifecycle.query.team.TeamFixtures.deprioritized;
import static org.metriclifecycle.query.team.TeamFixtures.fold;
import static org.metriclifecycle.query.team.TeamFixtures.linked;
import static org.metriclifecycle.query.team.TeamFixtures.proposed;
import static org.metriclifecycle.query.team.TeamFixtures.scheduled;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.RotationScheduled;
import org.metriclifecycle.events.CoreMetricLimitChanged;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.RotationStopped;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.query.metric.InMemoryMetricViewStore;
import org.metriclifecycle.query.team.TeamRotation.Assignment;
import org.metriclifecycle.query.team.TeamSummary.RotationSummary;
import org.metriclifecycle.query.team.UpcomingHandoffs.Handoff;
import org.metriclifecycle.query.team.UpcomingHandoffs.HandoffAssignment;

class TeamQueryHandlersTest {

    private static final String TEAM = "search";
    private static final List<String> MEMBERS = List.of("ada", "lena", "carl");
    /** Between handoff 1 (day 7) and handoff 2 (day 14) of a weekly rotation that started at T0. */
    private static final Instant NOW = day(10);

    private final InMemoryMetricViewStore metrics = new InMemoryMetricViewStore();
    private final InMemoryTeamViewStore teams = new InMemoryTeamViewStore();
    private TeamQueryHandlers handlers = handlersAt(NOW);

    private TeamQueryHandlers handlersAt(Instant now) {
        return new TeamQueryHandlers(teams, metrics, Clock.fixed(now, ZoneOffset.UTC), 8, INTERVAL);
    }

    private void metric(MetricEvent... events) {
        metrics.save(fold(events), events.length - 1);
    }

    private void team(TeamEvent... events) {
        long sequence = teams.lastAppliedSequence(TEAM).orElse(-1);
        for (TeamEvent event : events) {
            TeamView before = teams.find(TEAM).map(StoredTeamView::view).orElse(null);
            teams.save(TeamViewFold.apply(before, event), ++sequence);
        }
    }

    /** Three active metrics in proposal order a, b, c; d deprecated; x of another team. */
    private void aTeamOfMetrics() {
        metric(proposed("m-a", "alpha", TEAM, "ada", T0), linked("m-a", "h1"),
                correlation("m-a", "c1", "h1", 0.8, Verdict.SUPPORTED, day(5)));
        metric(proposed("m-d", TEAM, "ada", T0.plusSeconds(60)), blindSpot("m-d", "b9", "gone", day(1)),
                deprecated("m-d", day(2)));
        metric(proposed("m-b", "beta", TEAM, "lena", day(1)), blindSpot("m-b", "b1", "rude tone", day(3)),
                blindSpot("m-b", "b2", "wrong language", day(4)));
        metric(proposed("m-c", "gamma", TEAM, "lena", day(2)), linked("m-c", "h1"), deprioritized("m-c", day(3)),
                blindSpot("m-c", "b3", "stale facts", day(4)));
        metric(proposed("m-x", "ads", "ada", T0));
    }

    @Test
    void anUnknownTeamHasNoSummaryRotationHandoffsOrReview() {
        metric(proposed("m-x", "ads", "ada", T0));

        assertThat(handlers.find(new FindTeam(TEAM))).isNull();
        assertThat(handlers.rotation(new FindTeamRotation(TEAM))).isNull();
        assertThat(handlers.upcomingHandoffs(new FindUpcomingHandoffs(TEAM, 3))).isNull();
        assertThat(handlers.review(new FindTeamReview(TEAM))).isNull();
    }

    @Test
    void theSummaryCountsStatusesOwnersAndBlindSpotsOfTheActiveMetrics() {
        aTeamOfMetrics();

        TeamSummary summary = handlers.find(new FindTeam(TEAM));

        assertThat(summary.team()).isEqualTo(TEAM);
        assertThat(summary.coreMetricLimit()).isEqualTo(8);
        assertThat(summary.metricsCounted()).isEqualTo(3);
        assertThat(summary.countsByStatus()).containsExactly(
                Map.entry(MetricStatus.PROPOSED, 1), Map.entry(MetricStatus.LINKED, 0),
                Map.entry(MetricStatus.VALIDATED, 1), Map.entry(MetricStatus.REFUTED, 0),
                Map.entry(MetricStatus.DEPRIORITIZED, 1),
                Map.entry(MetricStatus.DEPRECATED, 1));
        assertThat(summary.ownerLoad()).containsExactly(Map.entry("ada", 1), Map.entry("lena", 2));
        assertThat(summary.blindSpots()).isEqualTo(3);
        assertThat(summary.rotation()).isNull();
    }

    @Test
    void theTeamsOwnLimitReplacesTheDefault() {
        aTeamOfMetrics();
        team(new CoreMetricLimitChanged(TEAM, 8, 3, day(1)));

        assertThat(handlers.find(new FindTeam(TEAM)).coreMetricLimit()).isEqualTo(3);
    }

    @Test
    void aTeamWithAViewButNoMetricsHasAnEmptySummary() {
        team(new CoreMetricLimitChanged(TEAM, 8, 5, day(1)));

        TeamSummary summary = handlers.find(new FindTeam(TEAM));

        assertThat(summary.coreMetricLimit()).isEqualTo(5);
        assertThat(summary.metricsCounted()).isZero();
        assertThat(summary.countsByStatus()).hasSize(6).allSatisfy((status, count) -> assertThat(count).isZero());
        assertThat(summary.ownerLoad()).isEmpty();
        assertThat(handlers.review(new FindTeamReview(TEAM)).metrics()).isEmpty();
    }

    @Test
    void theSummaryShowsTheRotationAndItsNextHandoff() {
        aTeamOfMetrics();
        team(scheduled(TEAM, "s-1", MEMBERS, T0));

        assertThat(handlers.find(new FindTeam(TEAM)).rotation())
                .isEqualTo(new RotationSummary(MEMBERS, WEEK, T0, day(14)));
    }

    @Test
    void theRotationNamesEachActiveMetricsOwnerAndNextOwnerWithOverridesApplied() {
        aTeamOfMetrics();
        team(scheduled(TEAM, "s-1", MEMBERS, T0), away(TEAM, "o-1", "lena", "vera", day(13), day(15)));

        TeamRotation rotation = handlers.rotation(new FindTeamRotation(TEAM));

        assertThat(rotation.team()).isEqualTo(TEAM);
        assertThat(rotation.members()).isEqualTo(MEMBERS);
        assertThat(rotation.period()).isEqualTo(WEEK);
        assertThat(rotation.startsAt()).isEqualTo(T0);
        assertThat(rotation.nextHandoffAt()).isEqualTo(day(14));
        assertThat(rotation.overrides()).containsExactly(new OverrideView("o-1", "lena", "vera", day(13), day(15)));
        // Handoff 2: the i-th active metric goes to members[(2 + i) mod 3]; lena is away on day 14.
        assertThat(rotation.assignments()).containsExactly(
                new Assignment("m-a", "ada", "carl"),
                new Assignment("m-b", "lena", "ada"),
                new Assignment("m-c", "lena", "vera"));
    }

    @Test
    void anOverrideThatEndsAtTheHandoffNoLongerCoversIt() {
        aTeamOfMetrics();
        team(scheduled(TEAM, "s-1", MEMBERS, T0), away(TEAM, "o-1", "lena", "vera", day(10), day(14)));

        assertThat(handlers.rotation(new FindTeamRotation(TEAM)).assignments())
                .extracting(Assignment::nextOwner).containsExactly("carl", "ada", "lena");
    }

    @Test
    void atAHandoffInstantThatHandoffIsTheNextOne() {
        aTeamOfMetrics();
        team(scheduled(TEAM, "s-1", MEMBERS, T0));
        handlers = handlersAt(day(14));

        TeamRotation rotation = handlers.rotation(new FindTeamRotation(TEAM));

        assertThat(rotation.nextHandoffAt()).isEqualTo(day(14));
        assertThat(rotation.assignments()).extracting(Assignment::nextOwner).containsExactly("carl", "ada", "lena");
    }

    @Test
    void aRotationThatHasNotStartedHandsOffFirstAtItsStart() {
        aTeamOfMetrics();
        team(scheduled(TEAM, "s-1", MEMBERS, day(20)));

        TeamRotation rotation = handlers.rotation(new FindTeamRotation(TEAM));

        assertThat(rotation.nextHandoffAt()).isEqualTo(day(20));
        assertThat(rotation.assignments()).extracting(Assignment::nextOwner).containsExactly("ada", "lena", "carl");
    }

    @Test
    void aStoppedRotationIsNoRotation() {
        aTeamOfMetrics();
        team(scheduled(TEAM, "s-1", MEMBERS, T0), new RotationStopped(TEAM, "s-1", day(9)));

        assertThat(handlers.rotation(new FindTeamRotation(TEAM))).isNull();
        assertThat(handlers.upcomingHandoffs(new FindUpcomingHandoffs(TEAM, 3))).isNull();
        assertThat(handlers.find(new FindTeam(TEAM)).rotation()).isNull();
    }

    @Test
    void upcomingHandoffsListTheNextOnesWithEveryActiveMetricsOwner() {
        aTeamOfMetrics();
        team(scheduled(TEAM, "s-1", MEMBERS, T0), away(TEAM, "o-1", "lena", "vera", day(13), day(15)));

        UpcomingHandoffs upcoming = handlers.upcomingHandoffs(new FindUpcomingHandoffs(TEAM, 3));

        assertThat(upcoming.team()).isEqualTo(TEAM);
        assertThat(upcoming.handoffs()).extracting(Handoff::handoff, Handoff::at)
                .containsExactly(tuple(2L, day(14)), tuple(3L, day(21)), tuple(4L, day(28)));
        assertThat(upcoming.handoffs().get(0).assignments()).containsExactly(
                new HandoffAssignment("m-a", "alpha", "carl"),
                new HandoffAssignment("m-b", "beta", "ada"),
                new HandoffAssignment("m-c", "gamma", "vera"));
        assertThat(upcoming.handoffs().get(1).assignments()).extracting(HandoffAssignment::owner)
                .containsExactly("ada", "lena", "carl");
        assertThat(upcoming.handoffs().get(2).assignments()).extracting(HandoffAssignment::owner)
                .containsExactly("lena", "carl", "ada");
        assertThat(handlers.upcomingHandoffs(new FindUpcomingHandoffs(TEAM, 0)).handoffs()).isEmpty();
    }

    @Test
    void aQuarterlyRotationAtTheEndOfYear9999EndsThere() {
        aTeamOfMetrics();
        Instant last = Instant.parse("9999-12-31T00:00:00Z");
        team(new RotationScheduled(TEAM, "s-1", MEMBERS, RotationPeriod.parse("P3M"), last, T0),
                away(TEAM, "o-1", "ada", "vera", day(1), Instant.parse("9999-12-31T23:59:59Z")));

        assertThat(handlers.upcomingHandoffs(new FindUpcomingHandoffs(TEAM, 10)).handoffs())
                .extracting(Handoff::handoff, Handoff::at).containsExactly(tuple(0L, last));
        assertThat(handlers.rotation(new FindTeamRotation(TEAM)).nextHandoffAt()).isEqualTo(last);
        handlers = handlersAt(last.plusSeconds(1));
        assertThat(handlers.upcomingHandoffs(new FindUpcomingHandoffs(TEAM, 10)).handoffs()).isEmpty();
        assertThat(handlers.rotation(new FindTeamRotation(TEAM)).nextHandoffAt()).isNull();
        assertThat(handlers.find(new FindTeam(TEAM)).rotation().nextHandoffAt()).isNull();
    }

    @Test
    void aMonthlyRotationHandsOffOnTheSameDayOfEachMonth() {
        aTeamOfMetrics();
        team(new RotationScheduled(TEAM, "s-1", MEMBERS, RotationPeriod.parse("P1M"),
                Instant.parse("2026-01-31T09:00:00Z"), T0));
        handlers = handlersAt(Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(handlers.upcomingHandoffs(new FindUpcomingHandoffs(TEAM, 2)).handoffs()).extracting(Handoff::at)
                .containsExactly(Instant.parse("2026-02-28T09:00:00Z"), Instant.parse("2026-03-31T09:00:00Z"));
        assertThat(handlers.rotation(new FindTeamRotation(TEAM)).period().toString()).isEqualTo("P1M");
    }

    @Test
    void aNegativeOrHugeCountIsRefused() {
        assertThatThrownBy(() -> new FindUpcomingHandoffs(TEAM, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FindUpcomingHandoffs(TEAM, FindUpcomingHandoffs.MAX_COUNT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReviewCoversEveryActiveMetricInProposalOrder() {
        aTeamOfMetrics();

        TeamReview review = handlers.review(new FindTeamReview(TEAM));

        assertThat(review.team()).isEqualTo(TEAM);
        assertThat(review.generatedAt()).isEqualTo(NOW);
        assertThat(review.revalidationInterval()).isEqualTo(INTERVAL);
        assertThat(review.metrics()).extracting(ReviewEntry::metricId, ReviewEntry::verdict).containsExactly(
                tuple("m-a", ReviewVerdict.KEEP),
                // Proposed on day 1, inside its link window: PENDING, no longer a REMOVE_CANDIDATE.
                tuple("m-b", ReviewVerdict.PENDING),
                tuple("m-c", ReviewVerdict.REMOVE_CANDIDATE));
        assertThat(review.metrics().get(1).blindSpots()).hasSize(2);
        assertThat(review.metrics().get(0).hypotheses()).singleElement()
                .satisfies(h -> assertThat(h.latestEvidence().correlationId()).isEqualTo("c1"));
    }

    @Test
    void answersEachQueryThroughAQueryBus() throws Exception {
        aTeamOfMetrics();
        team(scheduled(TEAM, "s-1", MEMBERS, T0));
        QueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(handlers).subscribe(queryBus);

        TeamSummary summary = queryBus.query(new GenericQueryMessage<>(new FindTeam(TEAM),
                ResponseTypes.instanceOf(TeamSummary.class))).get().getPayload();
        TeamRotation rotation = queryBus.query(new GenericQueryMessage<>(new FindTeamRotation(TEAM),
                ResponseTypes.instanceOf(TeamRotation.class))).get().getPayload();
        UpcomingHandoffs upcoming = queryBus.query(new GenericQueryMessage<>(new FindUpcomingHandoffs(TEAM, 2),
                ResponseTypes.instanceOf(UpcomingHandoffs.class))).get().getPayload();
        TeamReview review = queryBus.query(new GenericQueryMessage<>(new FindTeamReview(TEAM),
                ResponseTypes.instanceOf(TeamReview.class))).get().getPayload();
        TeamSummary unknown = queryBus.query(new GenericQueryMessage<>(new FindTeam("nobody"),
                ResponseTypes.instanceOf(TeamSummary.class))).get().getPayload();

        assertThat(summary.metricsCounted()).isEqualTo(3);
        assertThat(rotation.assignments()).hasSize(3);
        assertThat(upcoming.handoffs()).hasSize(2);
        assertThat(review.metrics()).hasSize(3);
        assertThat(unknown).isNull();
    }
}
