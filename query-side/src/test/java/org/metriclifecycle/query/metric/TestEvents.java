package org.metriclifecycle.query.metric;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.metriclifecycle.events.BlindSpotRecorded;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.MetricReprioritized;
import org.metriclifecycle.events.OwnerChanged;
import org.metriclifecycle.events.OwnershipRotated;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.events.Verdict;

/** Events as the write side would emit them, with only what a test cares about as parameters. */
final class TestEvents {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration LINK_WINDOW = Duration.ofDays(42);
    static final Duration REVALIDATION = Duration.ofDays(90);

    private TestEvents() {
    }

    static MetricProposed proposed(String metricId, Instant at) {
        return proposed(metricId, "search", "ada", at);
    }

    static MetricProposed proposed(String metricId, String team, String owner, Instant at) {
        return new MetricProposed(metricId, "hallucination rate", "share of answers with invented facts", team,
                owner, "1.0", "support answers", "users complain about made-up answers", at, at.plus(LINK_WINDOW));
    }

    static HypothesisLinked linked(String metricId, String hypothesisId) {
        return new HypothesisLinked(metricId, hypothesisId, "user-reported errors",
                "hallucination rate correlates with reported errors", Direction.POSITIVE, 0.7, 500);
    }

    static CorrelationRecorded correlation(String metricId, String correlationId, String hypothesisId,
                                           Verdict verdict, Instant at) {
        return correlation(metricId, correlationId, hypothesisId, verdict, at, "1.0");
    }

    static CorrelationRecorded correlation(String metricId, String correlationId, String hypothesisId,
                                           Verdict verdict, Instant at, String definitionVersion) {
        double coefficient = verdict == Verdict.REFUTED ? 0.2 : 0.8;
        int sampleSize = verdict == Verdict.INCONCLUSIVE ? 40 : 600;
        return new CorrelationRecorded(metricId, correlationId, hypothesisId, coefficient, sampleSize,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), CorrelationMethod.PEARSON,
                "eval-pipeline", definitionVersion, verdict, at,
                verdict == Verdict.SUPPORTED ? at.plus(REVALIDATION) : null);
    }

    static OwnerChanged ownerChanged(String metricId, String from, String to, Instant at) {
        return new OwnerChanged(metricId, from, to, at);
    }

    static OwnershipRotated rotated(String metricId, String from, String to, long handoff, Instant at) {
        return new OwnershipRotated(metricId, from, to, "s1", handoff, at);
    }

    /** A minor revision (keeps the evidence) when the major digit stays, a major one (new link window) otherwise. */
    static MetricDefinitionRevised revised(String metricId, String from, String to, Instant at,
                                           ScoreDelta... deltas) {
        boolean major = !from.split("\\.")[0].equals(to.split("\\.")[0]);
        return new MetricDefinitionRevised(metricId, from, to, "note for " + to, "support answers",
                "support answers in " + to, List.of(deltas), major, at, major ? at.plus(LINK_WINDOW) : null);
    }

    static BlindSpotRecorded blindSpot(String metricId, String blindSpotId, Instant at) {
        return new BlindSpotRecorded(metricId, blindSpotId, "rude tone", "answers were correct but rude", "INC-42",
                at);
    }

    static MetricDeprioritized deprioritized(String metricId, Instant at) {
        return new MetricDeprioritized(metricId, DeprioritizationRule.LINK_WINDOW_EXPIRED,
                "no supported hypothesis within the link window", at);
    }

    static MetricReprioritized reprioritized(String metricId, String correlationId, Instant at) {
        return new MetricReprioritized(metricId, correlationId, at);
    }

    static MetricDeprecated deprecated(String metricId, String reason, String replacedBy, Instant at) {
        return new MetricDeprecated(metricId, reason, replacedBy, at);
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }
}
