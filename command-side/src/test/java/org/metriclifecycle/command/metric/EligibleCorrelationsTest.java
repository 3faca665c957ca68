package org.metriclifecycle.command.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.evidence.CountedCorrelations;
import org.metriclifecycle.events.evidence.RecordedCorrelation;
import org.metriclifecycle.events.evidence.RevalidationDue;

/**
 * The index the aggregate judges with picks exactly what the counting rule picks over the whole history, pools it to
 * the same digits and finds the same latest due date, whatever the mix of periods, recordings, majors, supersessions
 * and samples too small for an interval; kept up to date event by event as it is.
 */
class EligibleCorrelationsTest {

    private static final Duration INTERVAL = Duration.ofDays(90);
    private static final CorrelationMethod[] METHODS = CorrelationMethod.values();

    @Test
    void judgingANewCorrelationFromTheIndexEqualsTheRuleOverTheWholeHistory() {
        Random random = new Random(20261204);
        for (int run = 0; run < 300; run++) {
            long major = random.nextInt(3);
            HypothesisEvidence evidence = new HypothesisEvidence(org.metriclifecycle.events.evidence.DecisionRule
                    .INTERVAL, 0.95);
            List<StoredCorrelation> history = new ArrayList<>();
            int size = random.nextInt(40);
            for (int i = 0; i < size; i++) {
                StoredCorrelation c = random(random, "c-" + i, major);
                history.add(c);
                evidence.add(c);
                if (random.nextInt(8) == 0) {
                    // Built on the way, so that later events keep it up to date rather than build it.
                    evidence.eligible(major);
                }
                if (!history.isEmpty() && random.nextInt(6) == 0) {
                    String superseded = history.get(random.nextInt(history.size())).correlationId();
                    evidence.supersede(superseded);
                    history.replaceAll(s -> s.correlationId().equals(superseded) ? s.asSuperseded() : s);
                }
            }
            StoredCorrelation added = random(random, "new", major);
            String removed = history.isEmpty() || random.nextBoolean() ? null
                    : history.get(random.nextInt(history.size())).correlationId();

            List<RecordedCorrelation> after = new ArrayList<>();
            for (StoredCorrelation c : history) {
                after.add((c.correlationId().equals(removed) ? c.asSuperseded() : c).asRecorded());
            }
            after.add(added.asRecorded());
            List<RecordedCorrelation> expected = CountedCorrelations.select(after, major, INTERVAL);

            EligibleCorrelations eligible = evidence.eligible(major);
            EligibleCorrelations.Counted counted = eligible.counted(INTERVAL, removed, eligible.entryFor(added));

            assertThat(counted.since()).isEqualTo(CountedCorrelations.since(after, major, INTERVAL).orElse(null));
            assertThat(counted.sums().count()).isEqualTo(expected.size());
            assertThat(counted.sums().pool(0.95)).isEqualTo(CountedCorrelations.pool(after, major, INTERVAL, 0.95));
            assertThat(counted.latestDue()).isEqualTo(expected.stream()
                    .map(c -> RevalidationDue.of(recordedAt(history, added, c.correlationId()), c.periodEnd(), INTERVAL))
                    .max(Instant::compareTo).orElse(null));

            // Before the new one: what counts from one source, and the counting on another major version.
            List<RecordedCorrelation> before = history.stream().map(StoredCorrelation::asRecorded).toList();
            Instant since = eligible.since(INTERVAL);
            assertThat(since).isEqualTo(CountedCorrelations.since(before, major, INTERVAL).orElse(null));
            List<String> countedNightly = CountedCorrelations.select(before, major, INTERVAL).stream()
                    .map(RecordedCorrelation::correlationId)
                    .filter(id -> "nightly".equals(find(history, id).source())).toList();
            assertThat(eligible.countedFrom("nightly", since)).extracting(StoredCorrelation::correlationId)
                    .containsExactlyInAnyOrderElementsOf(countedNightly);
            assertThat(evidence.counted(major + 1, INTERVAL).sums().pool(0.95))
                    .isEqualTo(CountedCorrelations.pool(before, major + 1, INTERVAL, 0.95));
        }
    }

    private static StoredCorrelation find(List<StoredCorrelation> history, String id) {
        return history.stream().filter(c -> c.correlationId().equals(id)).findFirst().orElseThrow();
    }

    private static Instant recordedAt(List<StoredCorrelation> history, StoredCorrelation added, String id) {
        return id.equals(added.correlationId()) ? added.recordedAt() : find(history, id).recordedAt();
    }

    private static StoredCorrelation random(Random random, String id, long major) {
        LocalDate end = LocalDate.of(2026, 1, 1).minusDays(random.nextInt(300));
        int sampleSize = 2 + random.nextInt(random.nextBoolean() ? 4 : 2000);
        double r = Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0;
        // Mostly the current major; some older ones, as stored before a major revision.
        long measuredOn = random.nextInt(5) == 0 ? major - 1 : major;
        return new StoredCorrelation(id, METHODS[random.nextInt(METHODS.length)], r, sampleSize, end.minusDays(30), end,
                random.nextBoolean() ? "nightly" : null, measuredOn,
                Instant.parse("2025-06-01T00:00:00Z").plusSeconds(random.nextInt(220 * 86400)), false);
    }
}
