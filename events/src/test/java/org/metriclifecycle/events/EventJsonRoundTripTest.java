package org.metriclifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Events are stored as JSON forever: each must survive a round trip unchanged and name its revision. */
class EventJsonRoundTripTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Instant T = Instant.parse("2026-01-01T00:00:00.000Z");

    static List<Object> oneOfEach() {
        return List.of(
                new MetricProposed("m", "name", "desc", "search", "ada", "1.0", "en", "why", T, T.plusSeconds(60)),
                new HypothesisLinked("m", "h", "user errors", "correlates", Direction.NEGATIVE, 0.7, 500),
                new CorrelationRecorded("m", "c", "h", -0.8, 600, LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-01-31"), CorrelationMethod.SPEARMAN, "pipe", "1.0",
                        Verdict.SUPPORTED, T, T.plusSeconds(90)),
                new HypothesisLinked("m", "h2", "user errors", "correlates", Direction.POSITIVE, 0.5, 100,
                        org.metriclifecycle.events.evidence.DecisionRule.INTERVAL, 0.9),
                new CorrelationRecorded("m", "c2", "h2", 0.81, 1200, LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-01-31"), CorrelationMethod.PEARSON, null, "1.0", Verdict.SUPPORTED, T,
                        T.plusSeconds(90), new CorrelationInterval(0.79, 0.829), "c", HypothesisStatus.SUPPORTED,
                        new PooledEvidence(0.81, 0.79, 0.829, 1200, 1, 0.0, 0.0, 1.127, 0.029), null,
                        T.minus(java.time.Duration.ofDays(60))),
                new CorrelationSuperseded("m", "c", "h", "c2", T),
                new ShadowCheckOpened("m", "s", "new prompt", 0.04, "h", T, T.plusSeconds(3600)),
                new ShadowCheckConcluded("m", "s", -0.01, 4000, "week 1", ShadowCheckResult.DIVERGED, T),
                new ShadowCheckConcluded("m", "s2", 0.01, null, null, ShadowCheckResult.CONFIRMED, T),
                new ShadowCheckExpired("m", "s3", T),
                new MetricDeprioritized("m", DeprioritizationRule.SUPPORT_LOST, "lost", T),
                new MetricDeprioritized("m", DeprioritizationRule.LINK_WINDOW_EXPIRED, "window", T),
                new MetricReprioritized("m", "c", T),
                new MetricDeprecated("m", "obsolete", null, T),
                new OwnerChanged("m", "ada", "lena", T),
                new OwnershipRotated("m", "lena", "carl", "s1", 3, T),
                new MetricDefinitionRevised("m", "1.0", "2.0", "new rubric", "en", "en+de",
                        List.of(new ScoreDelta("baseline", 0.41, 0.38)), true, T, T.plusSeconds(60)),
                new BlindSpotRecorded("m", "b", "tone", "missed rude answers", "INC-1", T),
                new TeamMetricAdmitted("search", "m", T),
                new TeamMetricReleased("search", "m", T),
                new CoreMetricLimitChanged("search", 8, 5, T),
                new RotationScheduled("search", "s", List.of("ada", "lena"), RotationPeriod.of(java.time.Duration.ofDays(14)), T, T),
                new RotationScheduled("search", "s2", List.of("ada", "lena"), RotationPeriod.parse("P1M"), T, T),
                new RotationStopped("search", "s", T),
                new RotationOverrideAdded("search", "o", "ada", "carl", T, T.plusSeconds(3600)),
                new RotationHandoffReached("search", "s", 2, T, List.of(new RotationAssignment("m", "ada"))),
                new WebhookSubscribed("search", "w", "https://hooks.example.com/metrics", "slack",
                        java.util.Set.of("rotation.handoff", "metric.deprecated"), "sha256:00ff", T),
                new WebhookUnsubscribed("search", "w", T),
                new TeamRosterSet("search", List.of(), List.of("ada", "lena"), T));
    }

    @Test
    void everyEventRoundTripsThroughJson() throws Exception {
        for (Object event : oneOfEach()) {
            String text = json.writeValueAsString(event);
            assertThat(json.readValue(text, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void everyEventTypeDeclaresItsRevision() {
        for (Class<?> family : List.of(MetricEvent.class, TeamEvent.class)) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName()).isNotNull();
                assertThat(oneOfEach()).as(type.getSimpleName()).anyMatch(type::isInstance);
            }
        }
    }

    @Test
    void instantsAreWrittenAsIsoText() throws Exception {
        String text = json.writeValueAsString(oneOfEach().get(0));
        assertThat(text).contains("\"proposedAt\":\"2026-01-01T00:00:00Z\"");
    }
}
