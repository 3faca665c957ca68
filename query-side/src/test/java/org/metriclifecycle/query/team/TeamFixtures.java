package org.metriclifecycle.query.team;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.BlindSpotRecorded;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.RotationOverrideAdded;
import org.metriclifecycle.events.RotationScheduled;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewFold;

/** Team events and metric views as the write side would make them, with only what a test cares about. */
final class TeamFixtures {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final RotationPeriod WEEK = RotationPeriod.of(Duration.ofDays(7));
    static final Duration INTERVAL = Duration.ofDays(90);

    private TeamFixtures() {
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static RotationScheduled scheduled(String team, String scheduleId, List<String> members, Instant startsAt) {
        return new RotationScheduled(team, scheduleId, members, WEEK, startsAt, startsAt);
    }

    static RotationOverrideAdded away(String team, String overrideId, String member, String replacement,
                                      Instant from, Instant to) {
        return new RotationOverrideAdded(team, overrideId, member, replacement, from, to);
    }

    static MetricProposed proposed(String metricId, String team, String owner, Instant at) {
        return proposed(metricId, "metric " + metricId, team, owner, at);
    }

    static MetricProposed proposed(String metricId, String name, String team, String owner, Instant at) {
        return new MetricProposed(metricId, name, "what it measures", team, owner, "1.0", "support answers",
                "why it matters", at, at.plus(Duration.ofDays(42)));
    }

    static HypothesisLinked linked(String metricId, String hypothesisId) {
        return new HypothesisLinked(metricId, hypothesisId, "user-reported errors",
                "the metric correlates with reported errors", Direction.POSITIVE, 0.7, 500);
    }

    /** A correlation recorded at {@code at}, with the due date the write side would have set for a support. */
    static CorrelationRecorded correlation(String metricId, String correlationId, String hypothesisId,
                                           double coefficient, Verdict verdict, Instant at) {
        return new CorrelationRecorded(metricId, correlationId, hypothesisId, coefficient, 600,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), CorrelationMethod.PEARSON,
                "eval-pipeline", "1.0", verdict, at, verdict == Verdict.SUPPORTED ? at.plus(INTERVAL) : null);
    }

    static MetricDeprioritized deprioritized(String metricId, Instant at) {
        return new MetricDeprioritized(metricId, DeprioritizationRule.REVALIDATION_LAPSED,
                "no supporting correlation within the revalidation interval", at);
    }

    static MetricDeprecated deprecated(String metricId, Instant at) {
        return new MetricDeprecated(metricId, "obsolete", null, at);
    }

    static MetricDefinitionRevised majorRevision(String metricId, String version, Instant at) {
        return new MetricDefinitionRevised(metricId, "1.0", version, "new judge model", "support answers",
                "support answers", List.of(), true, at, at.plus(Duration.ofDays(42)));
    }

    static BlindSpotRecorded blindSpot(String metricId, String blindSpotId, String failureMode, Instant at) {
        return new BlindSpotRecorded(metricId, blindSpotId, failureMode, "it did not notice", "INC-1", at);
    }

    static MetricView fold(MetricEvent... events) {
        MetricView view = null;
        for (MetricEvent event : events) {
            view = MetricViewFold.apply(view, event);
        }
        return view;
    }
}
