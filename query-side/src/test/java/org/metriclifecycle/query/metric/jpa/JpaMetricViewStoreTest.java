package org.metriclifecycle.query.metric.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.FakeEntityManager;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewFold;
import org.metriclifecycle.query.metric.ViewJson;

/** The active-metrics query binds the team and excludes DEPRECATED by column, in listing order. */
class JpaMetricViewStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ObjectMapper json = ViewJson.mapper();

    private static MetricView metric(String metricId) {
        return MetricViewFold.apply(null, new MetricProposed(metricId, "name", null, "search", "ada", "1.0", null,
                null, T0, T0.plusSeconds(60)));
    }

    @Test
    void activeOfTeamQueriesByTeamWithoutDeprecatedInProposalOrder() throws Exception {
        List<String> documents = new ArrayList<>();
        documents.add(json.writeValueAsString(metric("m-1")));
        documents.add(json.writeValueAsString(metric("m-2")));
        FakeEntityManager em = new FakeEntityManager((jpql, parameters) -> documents);

        List<MetricView> active = new JpaMetricViewStore(em.proxy(), json).activeOfTeam("search");

        assertThat(active).containsExactly(metric("m-1"), metric("m-2"));
        assertThat(em.queries()).singleElement().satisfies(query -> {
            assertThat(query.jpql()).isEqualTo("select v.document from MetricViewEntity v"
                    + " where v.team = :team and v.status <> :deprecated"
                    + " order by v.proposedAt asc, v.metricId asc");
            assertThat(query.parameters()).isEqualTo(Map.of("team", "search", "deprecated",
                    MetricStatus.DEPRECATED));
        });
    }
}
