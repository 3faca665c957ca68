package org.metriclifecycle.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.query.metric.CorrelationView;
import org.metriclifecycle.query.metric.HypothesisView;
import org.metriclifecycle.query.metric.MetricFilter;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.TrackRecord;

class BoardTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void metricsGoToTheirTeamsColumnsInLifecycleOrder() {
        Board board = Board.of(List.of(
                metric("m1", "search", "lena", MetricStatus.PROPOSED),
                metric("m2", "search", "carl", MetricStatus.VALIDATED),
                metric("m3", "ranking", "ada", MetricStatus.DEPRECATED),
                metric("m4", "search", "lena", MetricStatus.PROPOSED)), MetricFilter.any(), NOW, false);

        assertThat(board.teams()).extracting(Board.TeamBoard::team).containsExactly("ranking", "search");
        Board.TeamBoard search = board.teams().get(1);
        assertThat(search.columns()).extracting(Board.Column::status).containsExactly(MetricStatus.values());
        assertThat(search.columns().get(0).cards()).extracting(Card::metricId).containsExactly("m1", "m4");
        assertThat(search.columns().get(2).cards()).extracting(Card::metricId).containsExactly("m2");
        assertThat(board.shown()).isEqualTo(4);
        assertThat(board.teamChoices()).containsExactly("ranking", "search");
        assertThat(board.ownerChoices()).containsExactly("ada", "carl", "lena");
    }

    @Test
    void theFilterNarrowsCardsAndColumnsButKeepsEveryChoice() {
        List<MetricView> metrics = List.of(
                metric("m1", "search", "lena", MetricStatus.PROPOSED),
                metric("m2", "search", "carl", MetricStatus.VALIDATED),
                metric("m3", "ranking", "ada", MetricStatus.VALIDATED));

        Board validated = Board.of(metrics, new MetricFilter(null, MetricStatus.VALIDATED, null), NOW, false);
        assertThat(validated.teams()).allSatisfy(row -> assertThat(row.columns()).extracting(Board.Column::status)
                .containsExactly(MetricStatus.VALIDATED));
        assertThat(validated.shown()).isEqualTo(2);

        Board carl = Board.of(metrics, new MetricFilter("search", null, "carl"), NOW, false);
        assertThat(carl.teams()).hasSize(1);
        assertThat(carl.shown()).isEqualTo(1);
        assertThat(carl.teamChoices()).containsExactly("ranking", "search");

        Board emptyTeam = Board.of(metrics, new MetricFilter("vision", null, null), NOW, false);
        assertThat(emptyTeam.teams()).extracting(Board.TeamBoard::team).containsExactly("vision");
        assertThat(emptyTeam.shown()).isZero();
    }

    @Test
    void aCardCountsTheDaysLeftInTheLinkWindowOrToRevalidation() {
        MetricView proposed = metric("m1", "search", "lena", MetricStatus.PROPOSED)
                .withLinkDeadline(NOW.plus(Duration.ofDays(20)).minusSeconds(3600));
        assertThat(Card.of(proposed, NOW).clock()).isEqualTo("20 days left to link");
        assertThat(Card.of(proposed, NOW).urgency()).isEqualTo("calm");

        MetricView soon = proposed.withLinkDeadline(NOW.plus(Duration.ofHours(2)));
        assertThat(Card.of(soon, NOW).clock()).isEqualTo("1 day left to link");
        assertThat(Card.of(soon, NOW).urgency()).isEqualTo("soon");

        MetricView closed = proposed.withLinkDeadline(NOW.minusSeconds(1));
        assertThat(Card.of(closed, NOW).clock()).isEqualTo("link window closed");
        assertThat(Card.of(closed, NOW).urgency()).isEqualTo("overdue");

        MetricView validated = metric("m2", "search", "lena", MetricStatus.VALIDATED)
                .withRevalidationDue(NOW.plus(Duration.ofDays(90)));
        assertThat(Card.of(validated, NOW).clock()).isEqualTo("90 days to revalidation");

        MetricView deprecated = metric("m3", "search", "lena", MetricStatus.DEPRECATED);
        assertThat(Card.of(deprecated, NOW).clock()).isEmpty();
    }

    @Test
    void aCardShowsTheMostRecentEvidenceOfAnyHypothesis() {
        HypothesisView older = hypothesis("h1", correlation(0.5, Verdict.REFUTED, NOW.minusSeconds(7200)));
        HypothesisView newer = hypothesis("h2", correlation(-0.81, Verdict.SUPPORTED, NOW.minusSeconds(60)));
        MetricView metric = metric("m1", "search", "lena", MetricStatus.VALIDATED).withHypotheses(List.of(older, newer));

        Card card = Card.of(metric, NOW);
        assertThat(card.evidence()).isEqualTo("r = -0.81, n = 640, SUPPORTED (2026-03-01)");
        assertThat(card.verdict()).isEqualTo("supported");
        assertThat(Card.of(metric("m2", "search", "lena", MetricStatus.PROPOSED), NOW).evidence()).isEmpty();
    }

    @Test
    void aCardShowsTheTrackRecordFalsePositivesFirst() {
        MetricView metric = metric("m1", "search", "lena", MetricStatus.VALIDATED);
        assertThat(Card.of(metric, NOW).trackRecord()).isEqualTo("no shadow checks yet");
        assertThat(Card.of(metric.withTrackRecord(TrackRecord.of(1, 0, 0, 0, null)), NOW).trackRecord())
                .isEqualTo("false-positive rate: none concluded; 0 confirmed, 0 diverged, 1 open, 0 expired;"
                        + " never confirmed");
        assertThat(Card.of(metric.withTrackRecord(TrackRecord.of(0, 2, 1, 1, NOW.minusSeconds(86_400))), NOW)
                .trackRecord()).isEqualTo("false-positive rate 0.333; 2 confirmed, 1 diverged, 0 open, 1 expired;"
                        + " last confirmed 2026-02-28");
    }

    static MetricView metric(String id, String team, String owner, MetricStatus status) {
        return new MetricView(id, "metric " + id, null, team, owner, "1.0", null, null, status,
                NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(39)), null, null, null, null, null, List.of(),
                null, null, List.of(), List.of(), null, null);
    }

    private static HypothesisView hypothesis(String id, CorrelationView latest) {
        return new HypothesisView(id, "errors " + id, "a claim", Direction.NEGATIVE, 0.7, 500,
                HypothesisStatus.SUPPORTED, latest);
    }

    private static CorrelationView correlation(double r, Verdict verdict, Instant at) {
        return new CorrelationView("c-" + r, r, 640, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                CorrelationMethod.PEARSON, verdict, at, "pipeline", "1.0");
    }
}
