package org.metriclifecycle.command.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.events.evidence.RevalidationDue;

/** A hypothesis's rule, confidence and evidence; changed only by the aggregate's event sourcing handlers. */
final class HypothesisEvidence {
    DecisionRule rule;
    double confidence;
    private final List<StoredCorrelation> correlations = new ArrayList<>();
    /** When a correlation last supported it since the last major revision (POINT's due date counts from it). */
    Instant lastSupportedAt;
    /**
     * The correlations that may count at the major version last asked about; derived from {@link #correlations},
     * kept up to date as they change, and built again for another major version. Not state: a snapshot leaves it out.
     */
    private transient EligibleCorrelations eligible;

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

    void add(StoredCorrelation correlation) {
        correlations.add(correlation);
        if (eligible != null) {
            eligible.add(correlation);
        }
    }

    void supersede(String correlationId) {
        for (int i = 0; i < correlations.size(); i++) {
            if (correlations.get(i).correlationId().equals(correlationId)) {
                correlations.set(i, correlations.get(i).asSuperseded());
            }
        }
        if (eligible != null) {
            eligible.remove(correlationId);
        }
    }

    StoredCorrelation correlation(String correlationId) {
        for (StoredCorrelation c : correlations) {
            if (c.correlationId().equals(correlationId)) {
                return c;
            }
        }
        return null;
    }

    EligibleCorrelations eligible(long currentMajor) {
        if (eligible == null || eligible.major() != currentMajor) {
            eligible = EligibleCorrelations.of(correlations, currentMajor);
        }
        return eligible;
    }

    /** What counts now. */
    EligibleCorrelations.Counted counted(long currentMajor, Duration interval) {
        return eligible(currentMajor).counted(interval, null, null);
    }

    /**
     * When a SUPPORTED hypothesis stops speaking for the metric: for INTERVAL the latest due date among what
     * counts (each from the end of its period, or its recording if earlier); for POINT, as the first rule had it,
     * its latest supporting correlation's recording time + the interval.
     */
    Instant due(EligibleCorrelations.Counted counted, Instant latestSupport, Duration interval) {
        if (rule == DecisionRule.POINT) {
            return latestSupport == null ? null : RevalidationDue.point(latestSupport, interval);
        }
        return counted.latestDue();
    }
}
