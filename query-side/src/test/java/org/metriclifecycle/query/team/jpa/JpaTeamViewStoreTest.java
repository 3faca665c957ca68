package org.metriclifecycle.query.team.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.query.FakeEntityManager;
import org.metriclifecycle.query.metric.ViewJson;
import org.metriclifecycle.query.team.OverrideView;
import org.metriclifecycle.query.team.RotationView;
import org.metriclifecycle.query.team.StoredTeamView;
import org.metriclifecycle.query.team.TeamView;

/** The store's own logic over a fake entity manager; the JPQL itself runs against real databases in deploy's tests. */
class JpaTeamViewStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeEntityManager em = new FakeEntityManager((jpql, parameters) -> {
        TeamViewEntity row = (TeamViewEntity) em().entities().get(parameters.get("team"));
        return row == null ? List.of() : List.of(row.getLastSequence());
    });
    private final JpaTeamViewStore store = new JpaTeamViewStore(em.proxy(), ViewJson.mapper());

    private FakeEntityManager em() {
        return em;
    }

    private static TeamView view(Integer limit) {
        return new TeamView("search", limit, List.of("m-2", "m-1"), new RotationView("s-1", List.of("ada", "lena"),
                RotationPeriod.of(Duration.ofDays(14)), T0, List.of(new OverrideView("o-1", "ada", "vera", T0, T0.plusSeconds(86_400))),
                3L, T0.plus(Duration.ofDays(42))));
    }

    @Test
    void savesTheViewAsAJsonDocumentUnderTheTeamsSlugAndReadsItBackEqual() {
        store.save(view(5), 7);

        TeamViewEntity row = (TeamViewEntity) em.entities().get("search");
        assertThat(row.getTeam()).isEqualTo("search");
        assertThat(row.getLastSequence()).isEqualTo(7);
        assertThat(row.getDocument()).contains("\"period\":\"PT336H\"")
                .contains("\"startsAt\":\"2026-01-01T00:00:00.000Z\"")
                .contains("\"activeMetricIds\":[\"m-2\",\"m-1\"]");
        assertThat(store.find("search")).hasValue(new StoredTeamView(view(5), 7));
        assertThat(store.find("ads")).isEmpty();
    }

    @Test
    void savingAgainUpdatesTheSameRow() {
        store.save(view(5), 7);
        store.save(view(null).withRotation(null), 8);

        assertThat(em.entities()).hasSize(1);
        assertThat(store.find("search")).hasValue(new StoredTeamView(new TeamView("search", null,
                List.of("m-2", "m-1"), null), 8));
    }

    @Test
    void theLastAppliedSequenceIsReadWithAQueryByTeam() {
        assertThat(store.lastAppliedSequence("search")).isEmpty();

        store.save(view(5), 7);

        assertThat(store.lastAppliedSequence("search")).hasValue(7);
        assertThat(em.queries()).last().satisfies(query -> {
            assertThat(query.jpql()).isEqualTo("select t.lastSequence from TeamViewEntity t where t.team = :team");
            assertThat(query.parameters()).containsExactly(Map.entry("team", "search"));
        });
    }

    @Test
    void aDocumentWithDaysInItsPeriodReadsToo() {
        em.entities().put("search", new TeamViewEntity("search", 1, "{\"team\":\"search\",\"coreMetricLimit\":null,"
                + "\"activeMetricIds\":[],\"rotation\":{\"scheduleId\":\"s-1\",\"members\":[\"ada\",\"lena\"],"
                + "\"period\":\"P14D\",\"startsAt\":\"2026-01-01T00:00:00Z\",\"overrides\":[],"
                + "\"lastHandoff\":null,\"lastHandoffAt\":null}}"));

        assertThat(store.find("search").orElseThrow().view().rotation().period()).isEqualTo(RotationPeriod.of(Duration.ofDays(14)));
    }
}
