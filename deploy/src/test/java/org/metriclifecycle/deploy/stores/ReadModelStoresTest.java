package org.metriclifecycle.deploy.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.PostgresProfile;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.query.team.OverrideView;
import org.metriclifecycle.query.team.RotationView;
import org.metriclifecycle.query.team.StoredTeamView;
import org.metriclifecycle.query.team.TeamView;
import org.metriclifecycle.query.team.TeamViewStore;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;
import org.metriclifecycle.query.webhook.jpa.JpaWebhookSubscriptionStore;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The team view and webhook subscription stores against the real schema on PostgreSQL (the Flyway migrations the
 * service runs, the Hibernate mappings validated against them): what is saved reads back equal, a second save
 * updates the one row, and documents written by older versions still read.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ReadModelStoresTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000Z");

    @Inject
    TeamViewStore teams;
    @Inject
    ActiveDatabase database;

    private static String team() {
        return "stores-" + System.nanoTime();
    }

    private static TeamView view(String team, Integer limit) {
        return new TeamView(team, limit, List.of("m-2", "m-1"), new RotationView("s-1", List.of("ada", "lena"),
                RotationPeriod.of(Duration.ofDays(14)), T0,
                List.of(new OverrideView("o-1", "ada", "vera", T0, T0.plusSeconds(86_400))), 3L,
                T0.plus(Duration.ofDays(42))), List.of("ada", "lena", "vera"));
    }

    @Test
    void aTeamViewReadsBackEqualAndASecondSaveUpdatesItsRow() throws Exception {
        String team = team();
        assertThat(QuarkusTransaction.requiringNew().call(() -> teams.lastAppliedSequence(team))).isEmpty();

        QuarkusTransaction.requiringNew().run(() -> teams.save(view(team, 5), 7));
        assertThat(QuarkusTransaction.requiringNew().call(() -> teams.find(team)))
                .hasValue(new StoredTeamView(view(team, 5), 7));
        assertThat(QuarkusTransaction.requiringNew().call(() -> teams.lastAppliedSequence(team))).hasValue(7);

        QuarkusTransaction.requiringNew().run(() -> teams.save(view(team, null).withRotation(null), 8));
        assertThat(QuarkusTransaction.requiringNew().call(() -> teams.find(team))).hasValue(new StoredTeamView(
                new TeamView(team, null, List.of("m-2", "m-1"), null, List.of("ada", "lena", "vera")), 8));
        assertThat(rows("SELECT count(*) FROM team_view WHERE team = ?", team)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> teams.find("no-such-" + team))).isEmpty();
    }

    @Test
    void aTeamDocumentWrittenBeforeRostersAndCalendarPeriodsStillReads() throws Exception {
        String team = team();
        try (Connection connection = OwnerConnection.open();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO team_view (team, last_sequence, document) VALUES (?, 1, ?)")) {
            insert.setString(1, team);
            insert.setString(2, "{\"team\":\"" + team + "\",\"coreMetricLimit\":null,\"activeMetricIds\":[],"
                    + "\"rotation\":{\"scheduleId\":\"s-1\",\"members\":[\"ada\",\"lena\"],\"period\":\"PT336H\","
                    + "\"startsAt\":\"2026-01-01T00:00:00Z\",\"overrides\":[],\"lastHandoff\":null,"
                    + "\"lastHandoffAt\":null}}");
            insert.executeUpdate();
        }
        TeamView read = QuarkusTransaction.requiringNew().call(() -> teams.find(team)).orElseThrow().view();
        assertThat(read.rotation().period()).isEqualTo(RotationPeriod.of(Duration.ofDays(14)));
        assertThat(read.members()).isEmpty();
    }

    @Test
    void aSubscriptionKeepsItsKindsSortedInOneColumnAndASecondSaveUpdatesItsRow() throws Exception {
        String team = team();
        String id = "w-" + System.nanoTime();
        JpaWebhookSubscriptionStore store = new JpaWebhookSubscriptionStore(database.entityManager());
        WebhookSubscriptionView first = new WebhookSubscriptionView(id, team, "https://hooks.example.com/a", "json",
                List.of("rotation.handoff", "metric.deprecated"), "sha256:00ff", T0, "lena");

        QuarkusTransaction.requiringNew().run(() -> store.save(first));
        assertThat(text("SELECT event_kinds FROM webhook_subscription WHERE subscription_id = ?", id))
                .isEqualTo("metric.deprecated,rotation.handoff");
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.find(id))).hasValue(first);
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.ofTeam(team))).containsExactly(first);

        WebhookSubscriptionView moved = new WebhookSubscriptionView(id, team, "https://hooks.example.com/b", "slack",
                List.of("metric.deprecated"), "sha256:00ff", T0, "lena");
        QuarkusTransaction.requiringNew().run(() -> store.save(moved));
        assertThat(rows("SELECT count(*) FROM webhook_subscription WHERE subscription_id = ?", id)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.find(id))).hasValue(moved);

        QuarkusTransaction.requiringNew().run(() -> store.remove(id));
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.find(id))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.ofTeam(team))).isEmpty();
    }

    private static long rows(String sql, String key) throws Exception {
        return Long.parseLong(text(sql, key));
    }

    private static String text(String sql, String key) throws Exception {
        try (Connection connection = OwnerConnection.open(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet found = select.executeQuery()) {
                found.next();
                return found.getString(1);
            }
        }
    }
}
