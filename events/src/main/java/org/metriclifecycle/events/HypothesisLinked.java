package org.metriclifecycle.events;

import org.axonframework.serialization.Revision;
import org.metriclifecycle.events.evidence.DecisionRule;

/**
 * A falsifiable business hypothesis was tied to the metric, with the criteria that judge its evidence, the decision
 * rule that judges it and the confidence of its intervals. Revision 3 adds {@code decisionRule} and
 * {@code confidence}: a revision-2 event (a hypothesis stored before the interval rule existed) is read as POINT at
 * 0.95 through {@link upcasting.HypothesisLinkedDecisionRuleUpcaster}, so no stored verdict changes. Revision 1
 * stored the criteria as three top-level fields and is read through {@link upcasting.HypothesisLinkedCriteriaUpcaster}.
 */
@Revision("3")
public record HypothesisLinked(
        String metricId,
        String hypothesisId,
        String outcome,
        String statement,
        SupportCriteria criteria,
        DecisionRule decisionRule,
        double confidence) implements MetricEvent {

    public HypothesisLinked {
        if (decisionRule == null) {
            decisionRule = DecisionRule.POINT;
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            confidence = DecisionRule.DEFAULT_CONFIDENCE;
        }
    }

    /** A hypothesis as stored before the interval rule: POINT at the default confidence. */
    public HypothesisLinked(String metricId, String hypothesisId, String outcome, String statement,
                            SupportCriteria criteria) {
        this(metricId, hypothesisId, outcome, statement, criteria, DecisionRule.POINT, DecisionRule.DEFAULT_CONFIDENCE);
    }

    /** A hypothesis as stored before the interval rule: POINT at the default confidence. */
    public HypothesisLinked(String metricId, String hypothesisId, String outcome, String statement,
                            Direction direction, double minCorrelation, int minSampleSize) {
        this(metricId, hypothesisId, outcome, statement, new SupportCriteria(direction, minCorrelation, minSampleSize));
    }

    public HypothesisLinked(String metricId, String hypothesisId, String outcome, String statement,
                            Direction direction, double minCorrelation, int minSampleSize, DecisionRule decisionRule,
                            double confidence) {
        this(metricId, hypothesisId, outcome, statement, new SupportCriteria(direction, minCorrelation, minSampleSize),
                decisionRule, confidence);
    }

    public Direction direction() {
        return criteria.direction();
    }

    public double minCorrelation() {
        return criteria.minCorrelation();
    }

    public int minSampleSize() {
        return criteria.minSampleSize();
    }
}
