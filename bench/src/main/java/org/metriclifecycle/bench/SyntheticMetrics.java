package org.metriclifecycle.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.TeamMetricAdmitted;
import org.metriclifecycle.events.Verdict;

/**
 * Metric streams as the service would have written them: a proposal, a hypothesis, then correlations, each event
 * a minute after the one before. Streams are interleaved in waves (event k of a thousand metrics, then event k+1),
 * as metrics live side by side, rather than stored one whole stream after the other.
 */
final class SyntheticMetrics {

    static final String ACTOR = "bench";
    private static final Duration LINK_WINDOW = Duration.ofDays(42);
    private static final Duration REVALIDATION = Duration.ofDays(90);
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final int WAVE = 1_000;
    private static final int METRICS_PER_TEAM = 50;

    private SyntheticMetrics() {
    }

    /** {@code metrics} streams of {@code eventsPerMetric} events each, of teams {@code <teamPrefix>-<n>}. */
    static Iterator<EventRow> streams(int metrics, int eventsPerMetric, String teamPrefix, Instant start) {
        return new Iterator<>() {
            private int waveStart;
            private int event;
            private int inWave;
            private final List<String> ids = new ArrayList<>();
            private final List<String> hypotheses = new ArrayList<>();

            @Override
            public boolean hasNext() {
                return waveStart < metrics;
            }

            @Override
            public EventRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int waveSize = Math.min(WAVE, metrics - waveStart);
                if (event == 0 && inWave == 0) {
                    ids.clear();
                    hypotheses.clear();
                    for (int i = 0; i < waveSize; i++) {
                        ids.add(UUID.randomUUID().toString());
                        hypotheses.add(UUID.randomUUID().toString());
                    }
                }
                int index = waveStart + inWave;
                Instant proposedAt = StoredEvents.tick(start.plusSeconds(index));
                Instant at = proposedAt.plus(STEP.multipliedBy(event));
                String team = teamPrefix + "-" + index / METRICS_PER_TEAM;
                EventRow row = switch (event) {
                    case 0 -> proposal(ids.get(inWave), team, index, proposedAt);
                    case 1 -> hypothesis(ids.get(inWave), hypotheses.get(inWave), at);
                    default -> correlation(ids.get(inWave), hypotheses.get(inWave), event, at);
                };
                if (++inWave == waveSize) {
                    inWave = 0;
                    if (++event == eventsPerMetric) {
                        event = 0;
                        waveStart += waveSize;
                    }
                }
                return row;
            }
        };
    }

    static EventRow proposal(String metricId, String team, long index, Instant at) {
        return StoredEvents.metricEvent(new MetricProposed(metricId, "synthetic metric " + index,
                "share of answers with a claim the sources do not support", team, "ada", "1.0",
                "English support chat", "users report wrong answers", at, at.plus(LINK_WINDOW)), 0, at, ACTOR, null);
    }

    static EventRow admission(String team, String metricId, long teamSequence, Instant at) {
        return StoredEvents.teamEvent(new TeamMetricAdmitted(team, metricId, at), team, teamSequence, at, ACTOR);
    }

    static EventRow hypothesis(String metricId, String hypothesisId, Instant at) {
        return StoredEvents.metricEvent(new HypothesisLinked(metricId, hypothesisId, "user-reported errors",
                "correlates at r >= 0.5 with user-reported errors over >= 100 sessions",
                Direction.valueOf(Evidence.DIRECTION), Evidence.MIN_CORRELATION, Evidence.MIN_SAMPLE_SIZE),
                1, at, ACTOR, "quarterly planning");
    }

    /** The correlation stored at {@code sequence} (2 and up), judged as the service would judge it. */
    static EventRow correlation(String metricId, String hypothesisId, long sequence, Instant at) {
        Evidence evidence = Evidence.nth(sequence - 2);
        LocalDate periodEnd = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
        return StoredEvents.metricEvent(new CorrelationRecorded(metricId, UUID.randomUUID().toString(), hypothesisId,
                evidence.coefficient(), evidence.sampleSize(), periodEnd.minusDays(30), periodEnd,
                CorrelationMethod.PEARSON, "eval-pipeline", "1.0", evidence.verdict(), at,
                evidence.verdict() == Verdict.SUPPORTED ? at.plus(REVALIDATION) : null), sequence, at, ACTOR, null);
    }
}
