package org.metriclifecycle.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.team.TeamSummary;

class TeamOverviewTest {

    @Test
    void theGaugeShowsHowFullTheBudgetIs() {
        assertThat(overview(8, 4).gaugePercent()).isEqualTo(50);
        assertThat(overview(8, 4).gaugeState()).isEqualTo("ok");
        assertThat(overview(8, 8).gaugeState()).isEqualTo("full");
        assertThat(overview(8, 8).gaugePercent()).isEqualTo(100);
        // A lowered limit can leave a team over budget: the gauge stays full and says so.
        assertThat(overview(2, 3).gaugeState()).isEqualTo("over");
        assertThat(overview(2, 3).gaugePercent()).isEqualTo(100);
    }

    @Test
    void countsCoverEveryStatusAndLoadIsRelativeToTheBusiestOwner() {
        TeamOverview overview = TeamOverview.of(new TeamSummary("search", 8, 4,
                Map.of(MetricStatus.VALIDATED, 3, MetricStatus.LINKED, 1), Map.of("lena", 3, "carl", 1), 0, null),
                null, null, null, List.of(BoardTest.metric("m1", "search", "lena", MetricStatus.VALIDATED),
                        BoardTest.metric("m2", "search", "carl", MetricStatus.DEPRECATED)));

        assertThat(overview.counts()).extracting(TeamOverview.Count::status).containsExactly(MetricStatus.values());
        assertThat(overview.counts()).extracting(TeamOverview.Count::count).containsExactly(0, 1, 3, 0, 0, 0); // REFUTED has its column too
        assertThat(overview.ownerLoad()).containsExactly(new TeamOverview.Load("carl", 1, 33),
                new TeamOverview.Load("lena", 3, 100));
        assertThat(overview.replaceable()).extracting(Option::value).containsExactly("", "m1");
        assertThat(overview.handoffs()).isEmpty();
        assertThat(overview.rotationMembers()).isEmpty();
    }

    private static TeamOverview overview(int limit, int counted) {
        return TeamOverview.of(new TeamSummary("search", limit, counted, new EnumMap<>(MetricStatus.class), Map.of(), 0,
                null), null, null, null, List.of());
    }
}
