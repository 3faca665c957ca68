package org.metriclifecycle.query.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metriclifecycle.query.team.TeamFixtures.T0;
import static org.metriclifecycle.query.team.TeamFixtures.WEEK;
import static org.metriclifecycle.query.team.TeamFixtures.away;
import static org.metriclifecycle.query.team.TeamFixtures.day;
import static org.metriclifecycle.query.team.TeamFixtures.scheduled;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CoreMetricLimitChanged;
import org.metriclifecycle.events.RotationAssignment;
import org.metriclifecycle.events.RotationHandoffReached;
import org.metriclifecycle.events.RotationStopped;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.TeamMetricAdmitted;
import org.metriclifecycle.events.TeamMetricReleased;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;

class TeamViewFoldTest {

    private static final String TEAM = "search";
    private static final List<String> MEMBERS = List.of("ada", "lena", "carl");

    private static TeamView fold(TeamEvent... events) {
        TeamView view = null;
        for (TeamEvent event : events) {
            view = TeamViewFold.apply(view, event);
        }
        return view;
    }

    private static TeamMetricAdmitted admitted(String metricId) {
        return new TeamMetricAdmitted(TEAM, metricId, T0);
    }

    @Test
    void anyFirstEventStartsTheTeamWithDefaultsForTheRest() {
        assertThat(fold(admitted("m-1"))).isEqualTo(new TeamView(TEAM, null, List.of("m-1"), null));
        assertThat(fold(new CoreMetricLimitChanged(TEAM, 8, 3, T0)))
                .isEqualTo(new TeamView(TEAM, 3, List.of(), null));
    }

    @Test
    void webhookSubscriptionsLeaveTheTeamsViewAsItIs() {
        TeamView view = fold(admitted("m-1"), new CoreMetricLimitChanged(TEAM, 8, 3, T0));
        WebhookSubscribed subscribed = new WebhookSubscribed(TEAM, "w-1", "https://hooks.example.com/x", "json",
                java.util.Set.of("metric.deprecated"), "sha256:00", T0);

        assertThat(TeamViewFold.apply(view, subscribed)).isEqualTo(view);
        assertThat(TeamViewFold.apply(view, new WebhookUnsubscribed(TEAM, "w-1", day(1)))).isEqualTo(view);
        // A team's first subscription may be its first event: it starts an empty view.
        assertThat(fold(subscribed)).isEqualTo(TeamView.empty(TEAM));
    }

    @Test
    void admittedMetricsKeepTheirOrderAndReleasedOnesLeave() {
        TeamView view = fold(admitted("m-b"), admitted("m-a"), admitted("m-c"),
                new TeamMetricReleased(TEAM, "m-a", day(1)));

        assertThat(view.activeMetricIds()).containsExactly("m-b", "m-c");
    }

    @Test
    void admittingTwiceOrReleasingAMetricWithoutASlotChangesNothing() {
        TeamView view = fold(admitted("m-a"), admitted("m-b"));

        assertThat(TeamViewFold.apply(view, admitted("m-a"))).isEqualTo(view);
        assertThat(TeamViewFold.apply(view, new TeamMetricReleased(TEAM, "m-z", day(1)))).isEqualTo(view);
    }

    @Test
    void theLatestLimitChangeIsTheTeamsLimit() {
        TeamView view = fold(new CoreMetricLimitChanged(TEAM, 8, 3, T0), new CoreMetricLimitChanged(TEAM, 3, 12,
                day(1)));

        assertThat(view.coreMetricLimit()).isEqualTo(12);
    }

    @Test
    void aScheduleStartsARotationWithoutOverridesOrHandoffs() {
        TeamView view = fold(admitted("m-1"), scheduled(TEAM, "s-1", MEMBERS, day(3)));

        assertThat(view.rotation()).isEqualTo(new RotationView("s-1", MEMBERS, WEEK, day(3), List.of(), null, null));
        assertThat(view.activeMetricIds()).containsExactly("m-1");
    }

    @Test
    void overridesAccumulateOnTheRotation() {
        TeamView view = fold(scheduled(TEAM, "s-1", MEMBERS, T0),
                away(TEAM, "o-1", "lena", "vera", day(1), day(8)),
                away(TEAM, "o-2", "carl", "ada", day(10), day(12)));

        assertThat(view.rotation().overrides()).containsExactly(
                new OverrideView("o-1", "lena", "vera", day(1), day(8)),
                new OverrideView("o-2", "carl", "ada", day(10), day(12)));
    }

    @Test
    void anOverrideWithoutARotationIsIgnored() {
        TeamView view = fold(admitted("m-1"));

        assertThat(TeamViewFold.apply(view, away(TEAM, "o-1", "lena", "vera", day(1), day(8)))).isEqualTo(view);
    }

    @Test
    void aHandoffOfTheCurrentScheduleIsRememberedAndOneOfAReplacedScheduleIsNot() {
        TeamView view = fold(scheduled(TEAM, "s-1", MEMBERS, T0),
                new RotationHandoffReached(TEAM, "s-1", 2, day(14), List.of(new RotationAssignment("m-1", "carl"))));
        assertThat(view.rotation().lastHandoff()).isEqualTo(2L);
        assertThat(view.rotation().lastHandoffAt()).isEqualTo(day(14));

        TeamView stale = TeamViewFold.apply(view, new RotationHandoffReached(TEAM, "s-0", 9, day(15), List.of()));
        assertThat(stale).isEqualTo(view);
    }

    @Test
    void aReplacingScheduleKeepsTheOverridesButStartsItsOwnHandoffs() {
        TeamView view = fold(scheduled(TEAM, "s-1", MEMBERS, T0),
                away(TEAM, "o-1", "lena", "vera", day(1), day(30)),
                new RotationHandoffReached(TEAM, "s-1", 1, day(7), List.of()),
                scheduled(TEAM, "s-2", List.of("carl", "ada"), day(10)));

        assertThat(view.rotation().scheduleId()).isEqualTo("s-2");
        assertThat(view.rotation().members()).containsExactly("carl", "ada");
        assertThat(view.rotation().startsAt()).isEqualTo(day(10));
        assertThat(view.rotation().overrides()).extracting(OverrideView::overrideId).containsExactly("o-1");
        assertThat(view.rotation().lastHandoff()).isNull();
        assertThat(view.rotation().lastHandoffAt()).isNull();
    }

    @Test
    void stoppingRemovesTheRotationAndKeepsEverythingElse() {
        TeamView view = fold(admitted("m-1"), new CoreMetricLimitChanged(TEAM, 8, 5, T0),
                scheduled(TEAM, "s-1", MEMBERS, T0), away(TEAM, "o-1", "lena", "vera", day(1), day(8)),
                new RotationStopped(TEAM, "s-1", day(2)));

        assertThat(view).isEqualTo(new TeamView(TEAM, 5, List.of("m-1"), null));
    }

    @Test
    void refusesAnEventOfAnotherTeam() {
        TeamView view = fold(admitted("m-1"));

        assertThatThrownBy(() -> TeamViewFold.apply(view, new TeamMetricAdmitted("ads", "m-2", T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
