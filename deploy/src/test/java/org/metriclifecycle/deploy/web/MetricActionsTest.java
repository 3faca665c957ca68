package org.metriclifecycle.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.deploy.security.Role;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.query.metric.HypothesisView;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.ShadowCheckView;

/** Which shadow checks the detail page offers to conclude, to whom, and how it says what each one predicts. */
class MetricActionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(72));

    private static final MetricView METRIC = BoardTest.metric("m1", "search", "lena", MetricStatus.LINKED)
            .withHypotheses(List.of(
                    new HypothesisView("h-up", "user-rated helpfulness", "claim", Direction.POSITIVE, 0.5, 100,
                            HypothesisStatus.OPEN, null),
                    new HypothesisView("h-down", "user-reported errors", "claim", Direction.NEGATIVE, 0.5, 100,
                            HypothesisStatus.OPEN, null)));

    private static final List<ShadowCheckView> CHECKS = List.of(
            open("c-open", "h-up", 0.04, LATER),
            open("c-negative", "h-down", 0.04, LATER),
            open("c-late", "h-up", 0.04, NOW),
            new ShadowCheckView("c-done", "done", 0.04, "h-up", LATER, "CONFIRMED", ShadowCheckResult.CONFIRMED, 0.1),
            new ShadowCheckView("c-expired", "gone", 0.04, "h-up", NOW.minusSeconds(1), "EXPIRED", null, null));

    @Test
    void onlyOpenChecksStillInsideTheirObservationAreOffered() {
        MetricActions actions = MetricActions.of(caller(Role.LEAD), METRIC, CHECKS, NOW, false);
        assertThat(actions.concludeShadowCheck()).isTrue();
        // c-late's observeUntil is now: the service refuses its outcome, so the page does not offer it.
        assertThat(actions.openChecks()).extracting(Option::value).containsExactly("c-open", "c-negative");
        assertThat(actions.any()).isTrue();
    }

    @Test
    void eachOfferSaysWhichWayTheOutcomeMustMoveToConfirm() {
        List<Option> offers = MetricActions.of(caller(Role.LEAD), METRIC, CHECKS, NOW, false).openChecks();
        assertThat(offers.get(0).label()).isEqualTo("change c-open: eval +0.04; confirmed if user-rated helpfulness"
                + " rises; until 2026-03-04 12:00 UTC");
        assertThat(offers.get(1).label()).contains("confirmed if user-reported errors falls");
        List<ShadowCheckView> lowered = List.of(open("c-down", "h-down", -0.02, LATER));
        assertThat(MetricActions.of(caller(Role.LEAD), METRIC, lowered, NOW, false).openChecks().get(0).label())
                .contains("eval -0.02").contains("confirmed if user-reported errors rises");
    }

    @Test
    void theRolesThatMayConcludeAreOfferedItInTheirOwnTeamOnly() {
        assertThat(MetricActions.of(caller(Role.PIPELINE), METRIC, CHECKS, NOW, false).concludeShadowCheck()).isTrue();
        assertThat(MetricActions.of(caller(Role.CONTRIBUTOR), METRIC, CHECKS, NOW, false).concludeShadowCheck())
                .isTrue();
        assertThat(MetricActions.of(caller(Role.VIEWER), METRIC, CHECKS, NOW, false).concludeShadowCheck()).isFalse();
        Caller elsewhere = new Caller("pat", Set.of(Role.LEAD), Set.of("ranking"));
        assertThat(MetricActions.of(elsewhere, METRIC, CHECKS, NOW, false).concludeShadowCheck()).isFalse();
    }

    @Test
    void nothingToConcludeOffersNoForm() {
        List<ShadowCheckView> settled = CHECKS.subList(2, CHECKS.size());
        MetricActions actions = MetricActions.of(caller(Role.LEAD), METRIC, settled, NOW, false);
        assertThat(actions.concludeShadowCheck()).isFalse();
        assertThat(actions.openChecks()).isEmpty();
        assertThat(MetricActions.of(caller(Role.LEAD), METRIC, CHECKS, NOW, true).concludeShadowCheck())
                .as("a past state").isFalse();
        MetricView deprecated = METRIC.withStatus(MetricStatus.DEPRECATED);
        assertThat(MetricActions.of(caller(Role.LEAD), deprecated, CHECKS, NOW, false).any()).isFalse();
    }

    private static ShadowCheckView open(String id, String hypothesisId, double evalDelta, Instant observeUntil) {
        return new ShadowCheckView(id, "change " + id, evalDelta, hypothesisId, observeUntil, "OPEN", null, null);
    }

    private static Caller caller(Role role) {
        return new Caller("someone", Set.of(role), Set.of("search"));
    }
}
