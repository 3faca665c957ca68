package org.metriclifecycle.command.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.metriclifecycle.events.evidence.CountedCorrelations;
import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.events.evidence.RevalidationDue;

/** A hypothesis's rule, confidence and evidence; changed only by the aggregate's event sourcing handlers. */
final class HypothesisEvidence {
    DecisionRule rule;
    double confidence;
    final List<StoredCorrelation> correlations = new ArrayList<>();
    /** When a correlation last supported it since the last major revision (POINT's due date counts from it). */
    Instant lastSupportedAt;

    HypothesisEvidence() {
        // For snapshots.
    }

    HypothesisEvidence(DecisionRule rule, double confidence) {
        this.rule = rule;
        this.confidence = confidence;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HypothesisEvidence e && rule == e.rule
                && Double.compare(confidence, e.confidence) == 0 && correlations.equals(e.correlations)
                && Objects.equals(lastSupportedAt, e.lastSupportedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, confidence, correlations, lastSupportedAt);
    }

    StoredCorrelation correlation(String correlationId) {
        return correlations.stream().filter(c -> c.correlationId().equals(correlationId)).findFirst()
                .orElse(null);
    }

    Set<String> counted(long currentMajor, Duration interval) {
        Set<String> ids = new HashSet<>();
        CountedCorrelations.select(correlations.stream().map(StoredCorrelation::asRecorded).toList(),
                currentMajor, interval).forEach(c -> ids.add(c.correlationId()));
        return ids;
    }

    /**
     * When a SUPPORTED hypothesis stops speaking for the metric: for INTERVAL the latest due date among its
     * counted correlations (each from the end of its period, or its recording if earlier); for POINT, as the
     * first rule had it, its latest supporting correlation's recording time + the interval.
     */
    Instant due(List<StoredCorrelation> all, Instant latestSupport, long currentMajor, Duration interval) {
        if (rule == DecisionRule.POINT) {
            return latestSupport == null ? null : RevalidationDue.point(latestSupport, interval);
        }
        Set<String> ids = new HashSet<>();
        CountedCorrelations.select(all.stream().map(StoredCorrelation::asRecorded).toList(), currentMajor,
                interval).forEach(c -> ids.add(c.correlationId()));
        Instant latest = null;
        for (StoredCorrelation c : all) {
            if (ids.contains(c.correlationId())) {
                Instant due = RevalidationDue.of(c.recordedAt(), c.periodEnd(), interval);
                if (latest == null || due.isAfter(latest)) {
                    latest = due;
                }
            }
        }
        return latest;
    }
}
